/**
 * Pure functions from an original's bytes to clean text, metadata, language and fingerprints: one
 * extractor per format behind one interface and one registry. No JDBC, no Lucene, no network.
 *
 * <p>May use: core.
 */
@NullMarked
package org.vigil.extract;

import org.jspecify.annotations.NullMarked;
