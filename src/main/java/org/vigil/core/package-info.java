/**
 * Core values shared by every capability: content hashes and ids, argument checks, text
 * normalisation (always {@link java.util.Locale#ROOT}) and the root exception with its stable error
 * codes.
 *
 * <p>May use: the JDK only.
 */
@NullMarked
package org.vigil.core;

import org.jspecify.annotations.NullMarked;
