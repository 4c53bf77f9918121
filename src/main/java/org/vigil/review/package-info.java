/**
 * Turning proposals into records and claims: accept, edit, reject, merge; claim status transitions
 * with history; attribution chains and independent-origin counting; conflict detection between
 * reviewers.
 *
 * <p>May use: core, schema, records, audit.
 */
@NullMarked
package org.vigil.review;

import org.jspecify.annotations.NullMarked;
