/** The dashboard: counts, charts of the record, recent activity. */
@NullMarked
package org.vigil.web.dashboard;

import org.jspecify.annotations.NullMarked;
