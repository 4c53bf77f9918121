package org.vigil.web.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links between pages; record and source ids are encoded as path segments. */
public final class Links {
  private Links() {}

  /** {@code /records/station%3Ak3f9q2xa}. */
  public static String record(String id) {
    return "/records/" + segment(id);
  }

  /** The source page scrolled to an element ({@code proposal-ID}, {@code claim-span-ID}). */
  public static String sourceAt(String sourceId, String anchor) {
    // element ids are type:code, which a fragment may hold as it is (the source page's ids)
    return "/sources/" + segment(sourceId) + "#" + anchor.replaceAll("[^A-Za-z0-9:._-]", "");
  }

  public static String source(String sourceId) {
    return "/sources/" + segment(sourceId);
  }

  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
