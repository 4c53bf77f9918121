/**
 * Record types, properties and controlled vocabularies with English and Chinese labels, declared
 * once as data (vigil-schema.json) and loaded into an immutable model; the value types every
 * capability shares: source spans, fuzzy dates, quantities, attribution chains, proposals.
 *
 * <p>May use: core.
 */
@NullMarked
package org.vigil.schema;

import org.jspecify.annotations.NullMarked;
