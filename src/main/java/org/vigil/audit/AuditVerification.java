package org.vigil.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of re-computing the chain.
 *
 * @param firstBadSeq the sequence number of the first event that fails, or null when all verify
 * @param problem what is wrong there: {@code altered}, {@code missing}, {@code inserted}, {@code
 *     reordered}, or null
 */
public record AuditVerification(
    long checked,
    boolean passed,
    @Nullable Long firstBadSeq,
    @Nullable String problem,
    String message) {}
