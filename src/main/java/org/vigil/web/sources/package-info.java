/**
 * Sources in the workspace: full-text search with facets and highlighted snippets, capture by
 * upload or URL with progress, and each source's page with its clean text, proposals and claims
 * marked in place, capture metadata, duplicate cluster and inert views of the original.
 */
@NullMarked
package org.vigil.web.sources;

import org.jspecify.annotations.NullMarked;
