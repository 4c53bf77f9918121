package org.vigil.web.dashboard;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.audit.AuditRecord;
import org.vigil.export.Statistics;
import org.vigil.records.ProposalStatus;
import org.vigil.web.Access;
import org.vigil.web.JsonViews;
import org.vigil.web.SnapshotCache;
import org.vigil.web.Views;
import org.vigil.web.Workspace;

/** The landing page once signed in. */
public final class DashboardController {
  private static final int RECENT = 15;
  private final Workspace workspace;
  private final Views views;
  private final SnapshotCache snapshots;

  public DashboardController(Workspace workspace, Views views, SnapshotCache snapshots) {
    this.workspace = workspace;
    this.views = views;
    this.snapshots = snapshots;
  }

  public void register(JavalinDefaultRoutingApi r) {
    r.get("/", this::show, Access.READ);
  }

  private void show(Context ctx) {
    views.render(ctx, "dashboard/dashboard.jte", view());
  }

  DashboardView view() {
    Map<String, Statistics.Table> tables = new LinkedHashMap<>();
    for (Statistics.Table t : snapshots.derived("statistics", Statistics::of)) {
      tables.put(t.name(), t);
    }
    List<DashboardView.Chart> charts = new ArrayList<>();
    charts.add(chart(tables.get("stations_by_host_country"), "bar"));
    charts.add(chart(tables.get("stations_by_operating_agency"), "bar"));
    charts.add(chart(tables.get("incidents_by_year"), "line"));
    charts.add(chart(tables.get("incidents_by_tactic"), "doughnut"));
    long open = workspace.proposals().countByStatus().getOrDefault(ProposalStatus.OPEN, 0L);
    DashboardView.Counts counts =
        new DashboardView.Counts(
            workspace.sources().count(),
            workspace.records().count(),
            workspace.claims().count(),
            open);
    List<DashboardView.Activity> recent = new ArrayList<>();
    for (AuditRecord a : workspace.auditLog().recent(RECENT)) {
      recent.add(
          new DashboardView.Activity(
              a.at().toString(), a.event().actor(), a.event().action(), a.event().subject()));
    }
    return new DashboardView(counts, charts, recent);
  }

  private static DashboardView.Chart chart(Statistics.Table table, String kind) {
    List<String> labels = new ArrayList<>();
    List<Long> data = new ArrayList<>();
    for (Statistics.Figure f : table.rows()) {
      labels.add(f.key());
      data.add(f.count());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("labels", labels);
    json.put("datasets", List.of(Map.of("label", table.name(), "data", data)));
    return new DashboardView.Chart(
        "chart-" + table.name().replace('_', '-'),
        "stats." + table.name(),
        kind,
        JsonViews.forScript(json),
        table.total());
  }
}
