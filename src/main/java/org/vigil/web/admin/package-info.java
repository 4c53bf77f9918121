/** Users, roles and API tokens: the admin's page and each user's own tokens. */
@NullMarked
package org.vigil.web.admin;

import org.jspecify.annotations.NullMarked;
