/**
 * Hashing, sealing at rest and key handling: password hashes (Argon2id), random secrets and their
 * digests.
 *
 * <p>May use: core.
 */
@NullMarked
package org.vigil.crypto;

import org.jspecify.annotations.NullMarked;
