package org.vigil.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scripts and styles each page feature needs, all served from the jar (vendor files come from
 * npm at build time, see docs/web-assets.md). A page names its features, e.g. {@code "map"}; the
 * layout adds the files in order.
 */
public final class Assets {
  private record Bundle(List<String> styles, List<String> scripts) {}

  private static final Map<String, Bundle> BUNDLES =
      Map.of(
          "charts",
          new Bundle(
              List.of(), List.of("/static/vendor/chart.js/chart.umd.js", "/static/charts.js")),
          "map",
          new Bundle(
              List.of(
                  "/static/vendor/leaflet/leaflet.css",
                  "/static/vendor/leaflet.markercluster/MarkerCluster.css",
                  "/static/vendor/leaflet.markercluster/MarkerCluster.Default.css"),
              List.of(
                  "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
                  "/static/vendor/topojson-client/topojson-client.min.js",
                  "/static/map.js")),
          "network",
          new Bundle(
              List.of(),
              List.of("/static/vendor/cytoscape/cytoscape.min.js", "/static/network.js")),
          "timeline",
          new Bundle(List.of(), List.of("/static/timeline.js")),
          "review",
          new Bundle(List.of(), List.of("/static/review.js")),
          "upload",
          new Bundle(List.of(), List.of("/static/upload.js")));

  private Assets() {}

  /** Script URLs for a comma-separated feature list; unknown names are ignored. */
  public static List<String> scripts(String features) {
    return collect(features, false);
  }

  /** Vendor scripts are classic scripts; ours are ES modules (they import util.js). */
  public static boolean isModule(String url) {
    return !url.startsWith("/static/vendor/");
  }

  public static List<String> styles(String features) {
    return collect(features, true);
  }

  private static List<String> collect(String features, boolean styles) {
    Set<String> out = new LinkedHashSet<>();
    for (String f : features.split(",")) {
      Bundle b = BUNDLES.get(f.trim());
      if (b != null) {
        out.addAll(styles ? b.styles() : b.scripts());
      }
    }
    return new ArrayList<>(out);
  }
}
