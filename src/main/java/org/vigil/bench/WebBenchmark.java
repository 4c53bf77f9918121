package org.vigil.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.vigil.accounts.AccountSettings;
import org.vigil.accounts.IssuedToken;
import org.vigil.accounts.Role;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.bench.WebLoadClient.Auth;
import org.vigil.bench.WebLoadClient.Endpoint;
import org.vigil.core.Checks;
import org.vigil.crypto.PasswordHasher;
import org.vigil.records.EntityRecord;
import org.vigil.web.WebApp;
import org.vigil.web.WebSettings;

/**
 * {@code vigil bench web}: latency of the workspace's main pages and API calls with N sources and
 * about M claims loaded, under a concurrent load from a second process on loopback. The server runs
 * in this JVM on a free port; {@link WebLoadClient} runs in a child JVM with the same classpath.
 * The same load on a static file is the baseline: what the server, the loopback and the client cost
 * with no application work at all.
 */
public final class WebBenchmark {
  /** The target from the issue: p95 at most 200 ms on 2 cores. */
  public static final double TARGET_P95_MS = 200;

  private static final String USER = "bench-web";

  /**
   * What the load asks for, one line per endpoint. {@code {source}}, {@code {record}} and {@code
   * {q}} are filled at random from sample ids and {@link #QUERIES}. Paths not on the server yet
   * answer 404 at warm-up and are skipped with a note.
   */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("dashboard", Auth.SESSION, "/"),
          new Endpoint("sources", Auth.SESSION, "/sources"),
          new Endpoint("sources search", Auth.SESSION, "/sources?q={q}"),
          new Endpoint("source", Auth.SESSION, "/sources/{source}"),
          new Endpoint("review", Auth.SESSION, "/review"),
          new Endpoint("records", Auth.SESSION, "/records"),
          new Endpoint("record", Auth.SESSION, "/records/{record}"),
          new Endpoint("map", Auth.SESSION, "/map"),
          new Endpoint("network", Auth.SESSION, "/network"),
          new Endpoint("timeline", Auth.SESSION, "/timeline"),
          new Endpoint("api map features", Auth.TOKEN, "/api/v1/map/features"),
          new Endpoint("api network", Auth.TOKEN, "/api/v1/network"),
          new Endpoint("api stats", Auth.TOKEN, "/api/v1/stats"),
          new Endpoint("api timeline", Auth.TOKEN, "/api/v1/timeline"),
          new Endpoint("api sources search", Auth.TOKEN, "/api/v1/sources?q={q}"),
          new Endpoint("api records", Auth.TOKEN, "/api/v1/records?type=station"),
          new Endpoint("api record", Auth.TOKEN, "/api/v1/records/{record}"));

  static final Endpoint BASELINE =
      new Endpoint("static robots.txt", Auth.NONE, "/static/robots.txt");

  static final List<String> QUERIES =
      List.of(
          "station",
          "rotterdam",
          "dissidents",
          "surveillance students",
          "\"police service station\"",
          "qingtian",
          "警务",
          "海外",
          "同乡会");

  private WebBenchmark() {}

  /** The run's bounds. */
  public record Settings(int sources, int claims, int concurrency, int requests, int seconds) {
    public Settings {
      Checks.check(sources > 0, "sources must be positive");
      Checks.check(claims >= 0, "claims must not be negative");
      Checks.check(concurrency > 0, "concurrency must be positive");
      Checks.check(requests > 0, "requests must be positive");
      Checks.check(seconds > 0, "seconds must be positive");
    }
  }

  /** One endpoint's figures, latencies in milliseconds; non-2xx answers count as errors. */
  public record EndpointStats(
      String name,
      String path,
      int count,
      int errors,
      Map<String, Integer> statuses,
      double p50,
      double p95,
      double p99,
      double max) {}

  /** An endpoint the load left out, and why (404: not on the server yet). */
  public record Skipped(String name, String path, String reason) {}

  /** What the client measured. */
  record ClientResult(
      int concurrency,
      int requests,
      double seconds,
      double throughput,
      List<EndpointStats> endpoints,
      EndpointStats overall,
      EndpointStats baseline,
      double baselineThroughput,
      List<Skipped> skipped,
      Map<String, Double> firstRequestMs) {}

  /** Everything the benchmark reports. */
  public record Report(
      long sources,
      long claims,
      long records,
      double loadSeconds,
      boolean dataReused,
      int concurrency,
      int requests,
      double seconds,
      double throughput,
      List<EndpointStats> endpoints,
      EndpointStats overall,
      EndpointStats baseline,
      double baselineThroughput,
      List<Skipped> skipped,
      Map<String, Double> firstRequestMs,
      double targetP95Ms) {
    /** The overall p95 is within the target and no request failed. */
    public boolean pass() {
      return overall.p95() <= targetP95Ms && overall.errors() == 0;
    }

    public int errors() {
      return overall.errors();
    }
  }

  /** Builds or reuses the data under {@code work}, serves it, loads it, and reports. */
  public static Report run(Settings s, Path work, PrintStream out) {
    try {
      return runOrThrow(s, work, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Report runOrThrow(Settings s, Path work, PrintStream out)
      throws IOException, InterruptedException {
    out.printf(
        Locale.ROOT,
        "vigil bench web: %d sources, about %d claims; %d client threads, at most %d requests or %d s%n",
        s.sources(),
        s.claims(),
        s.concurrency(),
        s.requests(),
        s.seconds());
    out.flush();
    WebBenchData.Built data = WebBenchData.prepare(work, s.sources(), s.claims(), out);
    // the benchmark's own user signs in once: cheap hashing keeps a small run quick
    AccountSettings accounts =
        AccountSettings.defaults().withHashing(new PasswordHasher.Params(1024, 1, 1));
    Path plan = data.dataDir().resolveSibling("plan.txt");
    try (Vigil vigil = Vigil.open(new VigilConfig(data.dataDir()), Clock.systemUTC(), accounts)) {
      String password = randomSecret();
      if (vigil.accounts().find(USER).isPresent()) {
        vigil.accounts().resetPassword(USER, password, USER);
      } else {
        vigil.accounts().addUser(USER, Role.ADMIN, password, USER);
      }
      IssuedToken token = vigil.accounts().issueApiToken(USER, "vigil bench web", USER);
      Javalin server = WebApp.create(vigil, WebSettings.defaults().withPort(0)).start();
      try {
        Random r = new Random(11);
        List<String> sources = sample(allSourceIds(vigil), 2_000, r);
        List<String> records = new ArrayList<>();
        for (String type : List.of("station", "incident", "organization", "place")) {
          vigil.records().list(type).stream().map(EntityRecord::id).forEach(records::add);
        }
        WebLoadClient.writePlan(
            plan,
            new WebLoadClient.Plan(
                "http://127.0.0.1:" + server.port(),
                USER,
                password,
                token.token(),
                s.concurrency(),
                s.requests(),
                s.seconds(),
                3,
                ENDPOINTS,
                BASELINE,
                sources,
                sample(records, 2_000, r),
                QUERIES));
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-------"));
        ClientResult result = runClient(plan, s, out);
        Report report =
            new Report(
                data.sources(),
                data.claims(),
                data.records(),
                data.loadSeconds(),
                data.reused(),
                result.concurrency(),
                result.requests(),
                result.seconds(),
                result.throughput(),
                result.endpoints(),
                result.overall(),
                result.baseline(),
                result.baselineThroughput(),
                result.skipped(),
                result.firstRequestMs(),
                TARGET_P95_MS);
        return report;
      } finally {
        Files.deleteIfExists(plan); // it holds the password and the token
        server.stop();
        vigil.accounts().revokeApiToken(token.id(), USER);
      }
    }
  }

  private static ClientResult runClient(Path plan, Settings s, PrintStream out)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            WebLoadClient.class.getName(),
            plan.toString());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    out.printf(Locale.ROOT, "load client started (second JVM)%n");
    out.flush();
    Process p = pb.start();
    byte[] stdout;
    try (var in = p.getInputStream()) {
      stdout = in.readAllBytes();
    }
    // warm-up may wait for the first snapshot; the measured phases are bounded by --seconds
    if (!p.waitFor(4L * s.seconds() + 600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the load client did not finish in time");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("the load client failed with exit code " + p.exitValue());
    }
    String json = new String(stdout, StandardCharsets.UTF_8).strip();
    String last = json.substring(json.lastIndexOf('\n') + 1);
    ObjectMapper mapper =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper.readValue(last, ClientResult.class);
  }

  private static List<String> allSourceIds(Vigil vigil) {
    List<String> ids = new ArrayList<>();
    vigil.sources().forEachSummary(x -> ids.add(x.id()));
    return ids;
  }

  private static List<String> sample(List<String> all, int n, Random r) {
    List<String> copy = new ArrayList<>(all);
    Collections.shuffle(copy, r);
    return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
  }

  private static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The table: one line per endpoint, the baseline, the overall line and the verdict. */
  public static void print(Report r, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "data: %,d sources, %,d claims, %,d records (%s %.0f s)%n",
        r.sources(),
        r.claims(),
        r.records(),
        r.dataReused() ? "reused; built in" : "loaded in",
        r.loadSeconds());
    out.printf(
        Locale.ROOT,
        "load: %d threads, %,d requests in %.1f s (%.1f req/s)%n",
        r.concurrency(),
        r.requests(),
        r.seconds(),
        r.throughput());
    // the first page after start builds the record's snapshot; later ones reuse it
    r.endpoints().stream()
        .findFirst()
        .ifPresent(
            e ->
                out.printf(
                    Locale.ROOT,
                    "first request (%s, builds the snapshot): %.0f ms%n",
                    e.name(),
                    r.firstRequestMs().getOrDefault(e.name(), 0.0)));
    for (Skipped k : r.skipped()) {
      out.printf(Locale.ROOT, "skipped %s (%s): %s%n", k.name(), k.path(), k.reason());
    }
    String header =
        String.format(
            Locale.ROOT,
            "%-22s %7s %8s %8s %8s %8s %6s %9s",
            "endpoint",
            "count",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "errors",
            "p95/base");
    out.println(header);
    double base = r.baseline().p95();
    for (EndpointStats e : r.endpoints()) {
      row(out, e, base, e.p95() > r.targetP95Ms() ? "  over target" : "");
    }
    row(out, r.overall(), base, "");
    row(
        out,
        r.baseline(),
        base,
        String.format(Locale.ROOT, "  %.0f req/s", r.baselineThroughput()));
    r.overall()
        .statuses()
        .forEach((status, n) -> out.printf(Locale.ROOT, "non-2xx: %s × %d%n", status, n));
    out.printf(
        Locale.ROOT,
        "overall p95 %.1f ms (target ≤ %.0f ms), %d errors: %s%n",
        r.overall().p95(),
        r.targetP95Ms(),
        r.errors(),
        r.pass() ? "PASS" : "FAIL");
    out.flush();
  }

  private static void row(PrintStream out, EndpointStats e, double base, String note) {
    out.printf(
        Locale.ROOT,
        "%-22s %7d %8.1f %8.1f %8.1f %8.1f %6d %9s%s%n",
        e.name(),
        e.count(),
        e.p50(),
        e.p95(),
        e.p99(),
        e.max(),
        e.errors(),
        base <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", e.p95() / base),
        note);
  }
}
