/** Looking at the record as a whole: map, network, timeline, statistics and exports. */
@NullMarked
package org.vigil.web.explore;

import org.jspecify.annotations.NullMarked;
