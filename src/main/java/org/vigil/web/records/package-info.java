/**
 * Record pages: each value with its claims, support, spans, status history, relationships and
 * sources; schema-driven forms to relabel, change a claim's status, add evidence and merge; and
 * their {@code /api/v1} JSON.
 */
@NullMarked
package org.vigil.web.records;

import org.jspecify.annotations.NullMarked;
