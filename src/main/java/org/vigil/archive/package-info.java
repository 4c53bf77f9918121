/**
 * Content-addressed originals: byte-exact, SHA-256 named, prefix folders, write-once, written
 * atomically (temporary file, then rename); re-hashing for verification; reading WARC files.
 *
 * <p>May use: core.
 */
@NullMarked
package org.vigil.archive;

import org.jspecify.annotations.NullMarked;
