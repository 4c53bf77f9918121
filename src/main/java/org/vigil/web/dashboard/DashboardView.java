package org.vigil.web.dashboard;

import java.util.List;

/**
 * The dashboard's content. Chart data is JSON (Chart.js shape) written into the page, so the charts
 * need no second request.
 */
public record DashboardView(Counts counts, List<Chart> charts, List<Activity> recent) {
  public DashboardView {
    charts = List.copyOf(charts);
    recent = List.copyOf(recent);
  }

  public record Counts(long sources, long records, long claims, long openProposals) {}

  /** One chart: an element id, a title key, the chart kind and its data as JSON. */
  public record Chart(String id, String titleKey, String kind, String json, long total) {}

  /** One audit event, as the activity list shows it. */
  public record Activity(String at, String actor, String action, String subject) {}
}
