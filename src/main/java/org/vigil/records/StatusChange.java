package org.vigil.records;

import org.jspecify.annotations.Nullable;
import org.vigil.schema.ClaimStatus;

/**
 * One step of a claim's status history; {@code from} is null for the first.
 *
 * @param claimId the claim the step was taken on: another claim's id when that claim was later
 *     combined into this one ({@link ClaimStore#combine})
 */
public record StatusChange(
    String claimId, @Nullable ClaimStatus from, ClaimStatus to, Stamp by, String reason) {}
