/**
 * Orchestration of capture: safe fetching, type detection, archive, extract, store, deduplicate,
 * index, with a status and a recorded reason for every item.
 *
 * <p>May use: core, archive, extract, records, search.
 */
@NullMarked
package org.vigil.ingest;

import org.jspecify.annotations.NullMarked;
