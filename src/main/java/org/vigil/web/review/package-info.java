/**
 * The review queue (accept, edit, reject proposals, with suggestions of existing records) and
 * claims made from text selected in a source: pages, forms and their {@code /api/v1} JSON.
 */
@NullMarked
package org.vigil.web.review;

import org.jspecify.annotations.NullMarked;
