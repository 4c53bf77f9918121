/**
 * The only package with SQL: one store per aggregate, migrations per dialect, transactions.
 *
 * <p>May use: core, schema.
 */
@NullMarked
package org.vigil.records;

import org.jspecify.annotations.NullMarked;
