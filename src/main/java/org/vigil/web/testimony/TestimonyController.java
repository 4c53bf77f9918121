package org.vigil.web.testimony;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.User;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.testimony.Attachment;
import org.vigil.testimony.Consent;
import org.vigil.testimony.Testimony;
import org.vigil.testimony.TestimonyDraft;
import org.vigil.testimony.TestimonySummary;
import org.vigil.testimony.UnlockedCustodian;
import org.vigil.web.Access;
import org.vigil.web.JsonViews;
import org.vigil.web.Views;
import org.vigil.web.Web;
import org.vigil.web.Workspace;

/**
 * Sealed testimony in the browser and the API.
 *
 * <p>Intake ({@code CAPTURE}) reads every multipart part into memory: a request-scoped multipart
 * configuration whose in-memory threshold is above the request limit replaces the server's (which
 * spills source uploads to the data folder), so no part of a testimony is ever spooled to disk. A
 * request over {@link #MAX_REQUEST} bytes is refused with 413 before anything is read. Nothing is
 * logged, and the response names only the new id.
 *
 * <p>Reading needs the signed-in user to be a custodian (custodian name equals user name) whose key
 * is unlocked for this browser session ({@link UnlockedKeys}); otherwise 403 ({@code forbidden},
 * not a custodian) or 423 ({@code keys_locked}). API-token callers have no session, so they cannot
 * read testimony: 423, reading is for the browser or the command line.
 */
public final class TestimonyController implements AutoCloseable {
  /** The largest testimony request: account, fields and every attachment together. */
  public static final int MAX_REQUEST = 32 * 1024 * 1024;

  /** Where Jetty looks for a request's multipart settings before using the server's. */
  private static final String MULTIPART_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

  private final Workspace workspace;
  private final Views views;
  private final UnlockedKeys unlocked;

  public TestimonyController(Workspace workspace, Views views) {
    this.workspace = workspace;
    this.views = views;
    this.unlocked = new UnlockedKeys(Clock.systemUTC());
  }

  public void register(JavalinDefaultRoutingApi r) {
    // before the gate reads the form for its CSRF check: parts stay in memory, size is checked
    r.before("/testimony/new", this::inMemoryOnly);
    r.before("/api/v1/testimony", this::inMemoryOnly);
    // signing out locks the key unlocked in that session
    r.before("/logout", this::lockOnSignOut);
    r.get("/testimony", this::list, Access.READ);
    r.get("/testimony/new", this::form, Access.CAPTURE);
    r.post("/testimony/new", this::intake, Access.CAPTURE);
    r.post("/testimony/unlock", this::unlock, Access.READ);
    r.post("/testimony/lock", this::lock, Access.READ);
    r.get("/testimony/{id}", this::show, Access.READ);
    r.get("/testimony/{id}/attachments/{n}", this::download, Access.READ);
    r.post("/api/v1/testimony", this::apiIntake, Access.CAPTURE);
    r.get("/api/v1/testimony", this::apiList, Access.READ);
    r.get("/api/v1/testimony/{id}", this::apiShow, Access.READ);
  }

  /** Zeroes every key unlocked in a browser session (the server is stopping). */
  @Override
  public void close() {
    unlocked.close();
  }

  /** How many session keys are held now (tests check that none outlives lock or sign-out). */
  int heldKeys() {
    return unlocked.size();
  }

  // ---- request guards

  private void inMemoryOnly(Context ctx) {
    long length = ctx.contentLength();
    if (length > MAX_REQUEST) {
      throw tooLarge(null);
    }
    int threshold = MAX_REQUEST + 1;
    ctx.req()
        .setAttribute(
            MULTIPART_ATTRIBUTE,
            new MultipartConfigElement(
                org.vigil.web.sources.SourcesController.spillFolder(workspace).toString(),
                MAX_REQUEST,
                MAX_REQUEST,
                threshold));
    if (ctx.isMultipartFormData() && Web.user(ctx).isPresent()) {
      // read the parts now (into memory), so that a body over the limit without a Content-Length
      // is a 413 here rather than a failure inside the CSRF check that reads the form
      try {
        ctx.req().getParts();
      } catch (Exception e) { // Jetty's ServletException and IOException, undeclared here
        throw tooLargeOrUnreadable(e);
      }
    }
  }

  private void lockOnSignOut(Context ctx) {
    String token = Web.sessionToken(ctx);
    if (token != null) {
      unlocked.lock(token);
    }
  }

  // ---- pages

  private void list(Context ctx) {
    User user = Web.requireUser(ctx);
    boolean custodian = isCustodian(user.name());
    String token = Web.sessionToken(ctx);
    boolean open = custodian && token != null && unlocked.isUnlocked(token, user.name());
    views.render(
        ctx,
        "testimony/list.jte",
        new TestimonyViews.ListView(
            rows(user.name()),
            custodian,
            open,
            user.role().can(org.vigil.accounts.Permission.CAPTURE)));
  }

  private void form(Context ctx) {
    List<TestimonyViews.Incident> incidents =
        workspace.records().list("incident").stream()
            .map(r -> new TestimonyViews.Incident(r.id(), r.label()))
            .toList();
    views.render(ctx, "testimony/form.jte", new TestimonyViews.Form(incidents, MAX_REQUEST));
  }

  private void intake(Context ctx) {
    TestimonySummary s = workspace.testimony().intake(formDraft(ctx), Web.actor(ctx));
    ctx.status(201);
    views.render(ctx, "testimony/sealed.jte", new TestimonyViews.Sealed(s.id()));
  }

  private void unlock(Context ctx) {
    User user = Web.requireUser(ctx);
    String token = requireSession(ctx);
    requireCustodian(user.name());
    unlocked.checkNotThrottled(user.name());
    String field = ctx.formParam("passphrase");
    if (field == null || field.isEmpty()) {
      throw VigilException.invalid("passphrase", "enter your custodian passphrase");
    }
    char[] passphrase = field.toCharArray();
    try {
      UnlockedCustodian key = workspace.keys().unlock(user.name(), passphrase);
      unlocked.put(token, user.name(), key);
    } catch (VigilException e) {
      if (e.code() == ErrorCode.WRONG_PASSPHRASE) {
        unlocked.failed(user.name());
      }
      throw e;
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    Web.flash(ctx, "testimony.unlocked");
    ctx.redirect("/testimony");
  }

  private void lock(Context ctx) {
    String token = Web.sessionToken(ctx);
    if (token != null) {
      unlocked.lock(token);
    }
    Web.flash(ctx, "testimony.locked");
    ctx.redirect("/testimony");
  }

  private void show(Context ctx) {
    Testimony t = read(ctx);
    views.render(ctx, "testimony/show.jte", page(t));
  }

  private void download(Context ctx) {
    Testimony t = read(ctx);
    int n;
    try {
      n = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      throw VigilException.notFound("attachment " + ctx.pathParam("n") + " of " + t.id());
    }
    if (n < 1 || n > t.attachments().size()) {
      throw VigilException.notFound("attachment " + n + " of " + t.id());
    }
    Attachment a = t.attachments().get(n - 1);
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"attachment-"
            + n
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(a.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/octet-stream");
    ctx.result(a.content());
  }

  // ---- API

  private void apiIntake(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    TestimonyDraft draft = type.startsWith("application/json") ? jsonDraft(ctx) : formDraft(ctx);
    TestimonySummary s = workspace.testimony().intake(draft, Web.actor(ctx));
    ctx.status(201);
    ctx.json(Map.of("id", s.id(), "status", "sealed"));
  }

  private void apiList(Context ctx) {
    ctx.json(rows(Web.actor(ctx)));
  }

  private void apiShow(Context ctx) {
    if (ctx.header("Authorization") != null) {
      throw new VigilException(
          ErrorCode.KEYS_LOCKED,
          "reading testimony needs a custodian key unlocked in a browser session (or the"
              + " command line); API tokens cannot unlock one");
    }
    Testimony t = read(ctx);
    TestimonyViews.Page p = page(t);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("created", p.created());
    out.put("createdBy", p.createdBy());
    out.put("pseudonym", p.pseudonym());
    out.put("account", p.account());
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("quoteAllowed", p.quoteAllowed());
    consent.put("contactAllowed", p.contactAllowed());
    consent.put("contactChannel", p.contactChannel());
    consent.put("shareWith", p.shareWith());
    out.put("consent", consent);
    out.put("attachments", p.attachments());
    out.put("incidents", p.incidents());
    ctx.json(out);
  }

  // ---- helpers

  private List<TestimonyViews.Row> rows(String actor) {
    return workspace.testimony().list(actor).stream()
        .map(
            s ->
                new TestimonyViews.Row(
                    s.id(), s.created().toString(), s.attachments(), s.incidentIds()))
        .toList();
  }

  /** The testimony named in the path, unsealed with this session's key (an audited read). */
  private Testimony read(Context ctx) {
    User user = Web.requireUser(ctx);
    String id = ctx.pathParam("id");
    // who may read comes before whether the id exists, so non-custodians learn nothing from ids
    requireCustodian(user.name());
    String token = requireSession(ctx);
    UnlockedCustodian key =
        unlocked
            .get(token, user.name())
            .orElseThrow(
                () ->
                    new VigilException(
                        ErrorCode.KEYS_LOCKED,
                        "your custodian key is locked: unlock it on the testimony page first"));
    if (workspace.testimony().find(id).isEmpty()) {
      throw VigilException.notFound("testimony " + id);
    }
    return workspace.testimony().read(id, key, user.name());
  }

  private boolean isCustodian(String name) {
    return workspace.keys().list().stream().anyMatch(c -> c.name().equals(name));
  }

  private void requireCustodian(String name) {
    if (!isCustodian(name)) {
      throw new VigilException(
          ErrorCode.FORBIDDEN,
          "only custodians read testimony, and there is no custodian called " + name);
    }
  }

  private static String requireSession(Context ctx) {
    String token = Web.sessionToken(ctx);
    if (token == null) {
      throw new VigilException(
          ErrorCode.KEYS_LOCKED,
          "reading testimony needs a custodian key unlocked in a browser session (or the"
              + " command line); API tokens cannot unlock one");
    }
    return token;
  }

  private static TestimonyViews.Page page(Testimony t) {
    List<TestimonyViews.AttachmentRow> attachments = new ArrayList<>();
    for (int i = 0; i < t.attachments().size(); i++) {
      Attachment a = t.attachments().get(i);
      attachments.add(
          new TestimonyViews.AttachmentRow(
              a.name(),
              a.content().length,
              "/testimony/" + Web.encode(t.id()) + "/attachments/" + (i + 1)));
    }
    return new TestimonyViews.Page(
        t.id(),
        t.created().toString(),
        t.createdBy(),
        t.pseudonym(),
        t.account(),
        t.consent().quoteAllowed(),
        t.consent().contactAllowed(),
        t.consent().contactChannel(),
        t.consent().shareWith(),
        attachments,
        t.incidentIds());
  }

  /** A draft from a urlencoded or multipart form; attachments are read into memory only. */
  private TestimonyDraft formDraft(Context ctx) {
    List<Attachment> attachments = new ArrayList<>();
    if (ctx.isMultipartFormData()) {
      List<UploadedFile> files;
      try {
        files = ctx.uploadedFiles("attachments");
      } catch (Exception e) { // Jetty's ServletException arrives undeclared
        throw tooLargeOrUnreadable(e);
      }
      for (UploadedFile f : files) {
        if (f.filename().isEmpty() && f.size() == 0) {
          continue; // a file input left empty
        }
        byte[] bytes;
        try (InputStream in = f.content()) {
          bytes = in.readAllBytes();
        } catch (IOException e) {
          throw VigilException.invalid("attachments", "an attachment could not be read");
        }
        try {
          attachments.add(new Attachment(f.filename(), bytes));
        } finally {
          Arrays.fill(bytes, (byte) 0);
        }
      }
    }
    String contact = text(ctx, "channel");
    Consent consent =
        new Consent(
            checked(ctx, "quote"),
            checked(ctx, "contact"),
            contact.isBlank() ? null : contact.strip(),
            lines(text(ctx, "share")));
    List<String> incidents = new ArrayList<>();
    for (String v : ctx.formParams("incident")) {
      incidents.addAll(words(v));
    }
    return new TestimonyDraft(
        text(ctx, "pseudonym").strip(), text(ctx, "account"), attachments, consent, incidents);
  }

  /**
   * A draft from JSON: {@code {pseudonym, account, consent:{quoteAllowed, contactAllowed,
   * contactChannel, shareWith}, incidents, attachments:[{name, content (base64)}]}}.
   */
  private static TestimonyDraft jsonDraft(Context ctx) {
    JsonNode n;
    try {
      n = JsonViews.mapper().readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw VigilException.invalid("body", "not JSON");
    }
    if (n == null || !n.isObject()) {
      throw VigilException.invalid("body", "expected a JSON object");
    }
    List<Attachment> attachments = new ArrayList<>();
    for (JsonNode a : n.path("attachments")) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(a.path("content").asText(""));
      } catch (IllegalArgumentException e) {
        throw VigilException.invalid("attachments", "content must be base64");
      }
      try {
        attachments.add(new Attachment(a.path("name").asText(""), bytes));
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
    JsonNode c = n.path("consent");
    List<String> share = new ArrayList<>();
    c.path("shareWith").forEach(s -> share.add(s.asText()));
    String channel =
        c.path("contactChannel").isTextual() ? c.path("contactChannel").asText() : null;
    Consent consent =
        new Consent(
            c.path("quoteAllowed").asBoolean(false),
            c.path("contactAllowed").asBoolean(false),
            channel,
            share);
    List<String> incidents = new ArrayList<>();
    n.path("incidents").forEach(s -> incidents.add(s.asText()));
    return new TestimonyDraft(
        n.path("pseudonym").asText(""),
        n.path("account").asText(""),
        attachments,
        consent,
        incidents);
  }

  private static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  private static boolean checked(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v != null && (v.equals("on") || v.equals("true") || v.equals("yes"));
  }

  private static List<String> lines(String field) {
    List<String> out = new ArrayList<>();
    for (String line : field.split("\\R")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  private static List<String> words(String field) {
    List<String> out = new ArrayList<>();
    for (String w : field.split("[\\s,]+")) {
      if (!w.isBlank()) {
        out.add(w);
      }
    }
    return out;
  }

  private static VigilException tooLarge(@Nullable Exception cause) {
    return new VigilException(
        ErrorCode.TOO_LARGE,
        "a testimony with its attachments is at most "
            + (MAX_REQUEST / (1024 * 1024))
            + " MiB per request",
        cause);
  }

  private static VigilException tooLargeOrUnreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("max length exceeded") || m.contains("exceeds") || m.contains("too large")) {
        return tooLarge(e);
      }
    }
    return VigilException.invalid("attachments", "the form could not be read as a multipart form");
  }
}
