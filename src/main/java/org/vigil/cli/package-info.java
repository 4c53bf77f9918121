/**
 * The picocli entry point and one command class per sub-command; human output and the stable --json
 * output.
 *
 * <p>May use: app and the service packages.
 */
@NullMarked
package org.vigil.cli;

import org.jspecify.annotations.NullMarked;
