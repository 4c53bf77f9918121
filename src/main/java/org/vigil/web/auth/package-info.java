/** Sign-in, sign-out and the interface language switch. */
@NullMarked
package org.vigil.web.auth;

import org.jspecify.annotations.NullMarked;
