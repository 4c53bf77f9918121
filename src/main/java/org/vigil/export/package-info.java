/**
 * CSV, JSON, GeoJSON and FollowTheMoney writers over the record, each value linked to its claims
 * and sources; public releases: the redaction policy ({@link org.vigil.export.ReleasePolicy}), the
 * pure {@link org.vigil.export.Redactor} and the release folder with its manifest ({@link
 * org.vigil.export.Release}).
 *
 * <p>May use: core, schema, records.
 */
@NullMarked
package org.vigil.export;

import org.jspecify.annotations.NullMarked;
