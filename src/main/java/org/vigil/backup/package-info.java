/**
 * Encrypted backups of a whole data folder and their restore: a consistent snapshot of the store
 * (audit log included), the archive of originals and the last commit of the search index, in one
 * tar stream with a manifest of SHA-256 hashes, encrypted by {@link org.vigil.crypto.BackupCipher}.
 *
 * <p>May use: everything but cli, web and bench.
 */
@NullMarked
package org.vigil.backup;

import org.jspecify.annotations.NullMarked;
