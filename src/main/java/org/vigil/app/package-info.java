/**
 * Composition root: configuration (data directory, limits), wiring of stores, archive and index,
 * ordered shutdown.
 *
 * <p>May use: everything but cli and bench.
 */
@NullMarked
package org.vigil.app;

import org.jspecify.annotations.NullMarked;
