/**
 * Hashing, sealing at rest and key handling: password hashes (Argon2id), random secrets and their
 * digests; sealing a record under its own data key (AES-256-GCM), wrapping data keys for custodians
 * (X25519 + HKDF-SHA256 + AES-GCM) and protecting custodian private keys with a passphrase
 * (Argon2id). Every failed authentication tag is {@code tampered}; nothing here ever returns
 * partial plaintext.
 *
 * <p>May use: core (and the JDK and BouncyCastle's provider classes).
 */
@NullMarked
package org.vigil.crypto;

import org.jspecify.annotations.NullMarked;
