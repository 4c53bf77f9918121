/** The REST API's own routes: the OpenAPI document and who the caller is. */
@NullMarked
package org.vigil.web.api;

import org.jspecify.annotations.NullMarked;
