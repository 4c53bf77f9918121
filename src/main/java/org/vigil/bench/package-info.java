/**
 * On-demand benchmarks that print measured figures beside a baseline run, and the synthetic corpus
 * they use.
 *
 * <p>May use: everything but cli.
 */
@NullMarked
package org.vigil.bench;

import org.jspecify.annotations.NullMarked;
