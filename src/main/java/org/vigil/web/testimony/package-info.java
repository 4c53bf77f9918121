/**
 * Sealed testimony in the browser and the API: intake from a form (parts read into memory only),
 * lists of non-sensitive metadata, and reading by a custodian whose key is unlocked for their
 * browser session only.
 */
@NullMarked
package org.vigil.web.testimony;

import org.jspecify.annotations.NullMarked;
