package org.vigil.web.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.accounts.Permission;
import org.vigil.accounts.User;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.records.SourceRecord;
import org.vigil.web.Access;
import org.vigil.web.JsonViews;
import org.vigil.web.Views;
import org.vigil.web.Web;
import org.vigil.web.WebSettings;
import org.vigil.web.Workspace;
import org.vigil.web.review.ClaimFormView;

/**
 * Sources: search and the recent list, capture by upload or URL (run in the background, with a
 * progress page), one source's page, and the original shown only inert or as a download. The same
 * under {@code /api/v1} as JSON.
 */
public final class SourcesController {
  /**
   * Shown in a frame, the original may not run scripts, load anything from the network, submit
   * forms or reach this origin's cookies: the sandbox gives it a unique origin.
   */
  static final String INERT_CSP =
      "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";

  private final Workspace workspace;
  private final Views views;
  private final WebSettings settings;
  private final SourcePages pages;
  private final CaptureJobs jobs;

  public SourcesController(Workspace workspace, Views views, WebSettings settings) {
    this.workspace = workspace;
    this.views = views;
    this.settings = settings;
    this.pages = new SourcePages(workspace);
    this.jobs = new CaptureJobs(workspace);
  }

  /**
   * Where the server spills large multipart parts while a request is read: inside the data folder
   * (beside the archive), created if missing, so uploaded documents never pass through a shared
   * temporary folder.
   */
  public static java.nio.file.Path spillFolder(Workspace workspace) {
    java.nio.file.Path dir = CaptureJobs.uploadRoot(workspace).resolve("incoming");
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new VigilException(
          ErrorCode.CONFIGURATION, "cannot create the upload folder " + dir + ": " + e, e);
    }
    return dir;
  }

  public void register(JavalinDefaultRoutingApi r) {
    // before any form is read (the CSRF check reads the form): refuse an oversized body up front
    r.before("/sources/capture", this::checkSize);
    r.before("/api/v1/captures", this::checkSize);
    r.get("/sources", this::list, Access.READ);
    r.get("/sources/capture", this::captureForm, Access.CAPTURE);
    r.post("/sources/capture", this::capture, Access.CAPTURE);
    r.get("/sources/capture/{job}", this::job, Access.CAPTURE);
    r.get("/sources/{id}", this::show, Access.READ);
    r.get("/sources/{id}/original", this::download, Access.READ);
    r.get("/sources/{id}/original/view", this::inert, Access.READ);
    r.get("/api/v1/sources", this::apiList, Access.READ);
    r.get("/api/v1/sources/{id}", this::apiShow, Access.READ);
    r.post("/api/v1/captures", this::apiCapture, Access.CAPTURE);
    r.get("/api/v1/captures/{job}", this::apiJob, Access.CAPTURE);
  }

  // ---- pages ---------------------------------------------------------------------------------

  private void list(Context ctx) {
    views.render(ctx, "sources/list.jte", pages.list(SearchForm.parse(ctx::queryParam)));
  }

  private void captureForm(Context ctx) {
    views.render(ctx, "sources/capture.jte", new CaptureFormView(settings.maxUploadBytes()));
  }

  private void capture(Context ctx) {
    CaptureJob job = submit(ctx);
    if (Web.wantsJson(ctx)) {
      // upload.js posts each file on its own and polls the last status URL it is given
      ctx.status(202);
      ctx.json(
          Map.of(
              "job", job.id(),
              "statusUrl", "/api/v1/captures/" + job.id(),
              "pageUrl", "/sources/capture/" + job.id()));
      return;
    }
    ctx.redirect("/sources/capture/" + job.id(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void job(Context ctx) {
    views.render(ctx, "sources/job.jte", requireJob(ctx).view());
  }

  private void show(Context ctx) {
    SourcePageView view = pages.page(ctx.pathParam("id"));
    if (Web.user(ctx).map(u -> u.role().can(Permission.EDIT)).orElse(false)) {
      view =
          view.withClaimForm(
              ClaimFormView.forSource(
                  view.meta().id(), workspace.review(), Web.messages(ctx).language()));
    }
    views.render(ctx, "sources/show.jte", view);
  }

  /** The original as a download: never rendered by the browser, whatever its type. */
  private void download(Context ctx) {
    SourceRecord s = pages.require(ctx.pathParam("id"));
    byte[] bytes = workspace.archive().read(s.original().hash());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + s.id() + extension(s.original().mediaType()) + "\"");
    ctx.header("Content-Security-Policy", INERT_CSP);
    ctx.contentType("application/octet-stream");
    ctx.result(bytes);
  }

  /**
   * The original for the source page's sandboxed frame: HTML under a sandboxing policy, text as
   * plain text, and for other formats (PDF, office) the extracted text.
   */
  private void inert(Context ctx) {
    SourceRecord s = pages.require(ctx.pathParam("id"));
    String mode = SourcePages.viewMode(s.original().mediaType());
    ctx.header("Content-Security-Policy", INERT_CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    // the source page (same origin) frames it; the global policy forbids all framing
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    if (mode.equals("download")) {
      ctx.contentType("text/plain; charset=utf-8");
      ctx.result(s.content().text());
      return;
    }
    byte[] bytes = workspace.archive().read(s.original().hash());
    String charset = isUtf8(bytes) ? "; charset=utf-8" : "";
    ctx.contentType((mode.equals("html") ? "text/html" : "text/plain") + charset);
    ctx.result(bytes);
  }

  // ---- API -----------------------------------------------------------------------------------

  private void apiList(Context ctx) {
    ctx.json(pages.listJson(SearchForm.parse(ctx::queryParam)));
  }

  private void apiShow(Context ctx) {
    ctx.json(pages.sourceJson(ctx.pathParam("id")));
  }

  private void apiCapture(Context ctx) {
    CaptureJob job = submit(ctx);
    ctx.status(202);
    ctx.header("Location", "/api/v1/captures/" + job.id());
    ctx.json(job.view());
  }

  private void apiJob(Context ctx) {
    ctx.json(requireJob(ctx).view());
  }

  // ---- capture input -------------------------------------------------------------------------

  private void checkSize(Context ctx) {
    long length = ctx.contentLength();
    if (length > settings.maxUploadBytes()) {
      throw new VigilException(
          ErrorCode.TOO_LARGE,
          "the upload is "
              + length
              + " bytes, over the limit of "
              + settings.maxUploadBytes()
              + " bytes per request: send fewer or smaller files at a time");
    }
  }

  /**
   * Reads files (multipart {@code files}) and URLs (form or JSON {@code urls}) and starts a job.
   */
  private CaptureJob submit(Context ctx) {
    List<CaptureJobs.Incoming> files = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      urls.addAll(jsonUrls(ctx.body()));
    } else {
      if (ctx.isMultipartFormData()) {
        List<UploadedFile> uploaded;
        try {
          uploaded = ctx.uploadedFiles("files");
        } catch (Exception e) { // Jetty's ServletException arrives undeclared
          throw tooLargeOrUnreadable(e);
        }
        for (UploadedFile f : uploaded) {
          if (f.filename().isEmpty() && f.size() == 0) {
            continue; // a file input left empty
          }
          files.add(new CaptureJobs.Incoming(f.filename(), f.content()));
        }
      }
      String field = ctx.formParam("urls");
      if (field != null) {
        urls.addAll(lines(field));
      }
    }
    return jobs.submit(Web.actor(ctx), files, urls);
  }

  /**
   * Jetty reports an oversized multipart body as "bad multipart" caused by "max length exceeded".
   */
  private VigilException tooLargeOrUnreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("max length exceeded") || m.contains("exceeds") || m.contains("too large")) {
        return new VigilException(
            ErrorCode.TOO_LARGE,
            "the upload is over the limit of "
                + settings.maxUploadBytes()
                + " bytes per request: send fewer or smaller files at a time",
            e);
      }
    }
    return VigilException.invalid("files", "the upload could not be read as a multipart form");
  }

  static List<String> lines(String field) {
    List<String> out = new ArrayList<>();
    for (String line : field.split("\\R")) {
      String u = line.strip();
      if (!u.isEmpty()) {
        out.add(u);
      }
    }
    return out;
  }

  private static List<String> jsonUrls(String body) {
    JsonNode node;
    try {
      node = JsonViews.mapper().readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw VigilException.invalid("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode urls = node == null ? null : node.get("urls");
    if (urls == null || urls.isNull()) {
      throw VigilException.invalid("urls", "give a list of URLs, e.g. {\"urls\": [\"https://…\"]}");
    }
    List<String> out = new ArrayList<>();
    if (urls.isTextual()) {
      out.addAll(lines(urls.asText()));
    } else if (urls.isArray()) {
      for (JsonNode u : urls) {
        if (!u.isTextual()) {
          throw VigilException.invalid("urls", "every URL must be a string");
        }
        if (!u.asText().isBlank()) {
          out.add(u.asText().strip());
        }
      }
    } else {
      throw VigilException.invalid("urls", "must be a list of strings or one string");
    }
    return out;
  }

  /** A job is shown to the user who started it (and administrators); to others it is unknown. */
  private CaptureJob requireJob(Context ctx) {
    String id = ctx.pathParam("job");
    User user = Web.requireUser(ctx);
    return jobs.find(id)
        .filter(j -> j.owner().equals(user.name()) || user.role().can(Permission.ADMIN))
        .orElseThrow(
            () ->
                VigilException.notFound(
                    "capture job " + id + " (jobs are kept until the server restarts)"));
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String extension(String mediaType) {
    String t = mediaType.toLowerCase(Locale.ROOT);
    Map<String, String> known =
        Map.of(
            "text/html", ".html",
            "application/xhtml+xml", ".xhtml",
            "text/plain", ".txt",
            "application/pdf", ".pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
            "application/msword", ".doc",
            "application/json", ".json",
            "text/csv", ".csv");
    for (Map.Entry<String, String> e : known.entrySet()) {
      if (t.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return ".bin";
  }
}
