package org.vigil.web.explore;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.export.ExportFormat;
import org.vigil.export.Exporter;
import org.vigil.export.Snapshot;
import org.vigil.export.Statistics;
import org.vigil.web.Access;
import org.vigil.web.JsonViews;
import org.vigil.web.SnapshotCache;
import org.vigil.web.Views;
import org.vigil.web.Web;

/** Map, network, timeline, statistics and exports: pages and their JSON. */
public final class ExploreController {
  private final Views views;
  private final SnapshotCache snapshots;

  public ExploreController(Views views, SnapshotCache snapshots) {
    this.views = views;
    this.snapshots = snapshots;
  }

  public void register(JavalinDefaultRoutingApi r) {
    r.get("/map", this::mapPage, Access.READ);
    r.get("/network", ctx -> views.render(ctx, "explore/network.jte"), Access.READ);
    r.get("/timeline", ctx -> views.render(ctx, "explore/timeline.jte"), Access.READ);
    r.get("/exports", ctx -> views.render(ctx, "explore/exports.jte"), Access.READ);
    r.get("/exports/{format}", this::download, Access.READ);
    r.get("/api/v1/map/features", this::features, Access.READ);
    r.get("/api/v1/network", ctx -> json(ctx, "network", () -> explore().network()), Access.READ);
    r.get(
        "/api/v1/timeline",
        ctx -> {
          String language = Web.messages(ctx).language();
          json(ctx, "timeline:" + language, () -> explore().timeline(language));
        },
        Access.READ);
    r.get("/api/v1/stats", this::stats, Access.READ);
    r.get("/api/v1/exports/{format}", this::download, Access.READ);
  }

  private Explore explore() {
    return snapshots.derived("explore", Explore::new);
  }

  /** A JSON answer serialised once per snapshot and key. */
  private void json(Context ctx, String key, java.util.function.Supplier<Object> value) {
    ctx.contentType("application/json");
    String body = snapshots.derived("json:" + key, s -> writeJson(value.get()));
    ctx.result(body);
  }

  private void mapPage(Context ctx) {
    MapFilter filter = MapFilter.parse(query(ctx));
    String language = Web.messages(ctx).language();
    FilterOptions options =
        snapshots.derived("options:" + language, s -> explore().options(language));
    views.render(ctx, "explore/map.jte", new MapView(filter, options, featuresUrl(ctx)));
  }

  private void features(Context ctx) {
    MapFilter filter = MapFilter.parse(query(ctx));
    String language = Web.messages(ctx).language();
    String body =
        snapshots.derived(
            "features:" + language + ":" + filter,
            s -> writeJson(explore().features(filter, language)));
    ctx.contentType("application/geo+json");
    ctx.result(body);
  }

  private void stats(Context ctx) {
    json(
        ctx,
        "stats",
        () -> {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Statistics.Table t : snapshots.derived("statistics", Statistics::of)) {
            out.put(t.name(), Map.of("total", t.total(), "rows", t.rows()));
          }
          return out;
        });
  }

  /** One format as a download: a single file as is, several (CSV: one per type) as a zip. */
  private void download(Context ctx) {
    ExportFormat format;
    try {
      format = ExportFormat.parse(ctx.pathParam("format"));
    } catch (IllegalArgumentException | VigilException e) {
      throw VigilException.invalid("format", "must be one of csv, json, geojson, ftm");
    }
    Snapshot snapshot = snapshots.get();
    String linkBase = ctx.scheme() + "://" + ctx.host() + "/records/";
    Path dir = null;
    try {
      dir = Files.createTempDirectory("vigil-export-");
      List<Path> files = new Exporter(linkBase).write(snapshot, format, dir);
      if (files.size() == 1) {
        Path f = files.get(0);
        ctx.header("Content-Disposition", "attachment; filename=\"" + f.getFileName() + "\"");
        ctx.contentType(contentType(f.getFileName().toString()));
        ctx.result(Files.readAllBytes(f));
      } else {
        ctx.header(
            "Content-Disposition",
            "attachment; filename=\"vigil-"
                + format.name().toLowerCase(java.util.Locale.ROOT)
                + ".zip\"");
        ctx.contentType("application/zip");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
          for (Path f : files) {
            zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
            Files.copy(f, zip);
            zip.closeEntry();
          }
        }
        ctx.result(bytes.toByteArray());
      }
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "cannot prepare the export: " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".geojson")) {
      return "application/geo+json";
    }
    if (name.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    return name.endsWith(".json") ? "application/json" : "application/octet-stream";
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind holds only what the export itself contains
    }
  }

  private static String featuresUrl(Context ctx) {
    String q = ctx.queryString();
    return "/api/v1/map/features" + (q == null || q.isBlank() ? "" : "?" + q);
  }

  private static Map<String, String> query(Context ctx) {
    Map<String, String> q = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    return q;
  }

  private static String writeJson(Object value) {
    try {
      return JsonViews.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
