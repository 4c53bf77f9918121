/**
 * CSV, JSON, GeoJSON and FollowTheMoney writers over the record, each value linked to its claims
 * and sources.
 *
 * <p>May use: core, schema, records.
 */
@NullMarked
package org.vigil.export;

import org.jspecify.annotations.NullMarked;
