/**
 * The append-only, hash-chained audit log: who changed what, when, why, with before and after;
 * verification that names the first bad event.
 *
 * <p>May use: core, records.
 */
@NullMarked
package org.vigil.audit;

import org.jspecify.annotations.NullMarked;
