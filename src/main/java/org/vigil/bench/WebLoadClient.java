package org.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The load generator of {@code vigil bench web}, run as a second JVM so that the client's work does
 * not share the server's heap, JIT and garbage collector. It reads a plan file written by {@link
 * WebBenchmark} (server address, credentials, endpoints, sample ids, bounds), signs in like a
 * browser (CSRF pre-cookie, then POST /login), warms every endpoint up, then runs C threads until R
 * requests are done or T seconds have passed, then the same load on the baseline (a static file).
 * It prints one JSON object on standard output: per-endpoint latency percentiles (exact, from
 * sorted arrays), error counts, throughput, and the endpoints skipped because they answered 404.
 */
public final class WebLoadClient {
  private static final Pattern CSRF =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** How a request authenticates: session cookie (pages), Bearer token (API), or not at all. */
  enum Auth {
    SESSION,
    TOKEN,
    NONE
  }

  record Endpoint(String name, Auth auth, String template) {}

  /** What the parent wrote for this run. */
  record Plan(
      String base,
      String user,
      String password,
      String token,
      int concurrency,
      int requests,
      int seconds,
      int warmup,
      List<Endpoint> endpoints,
      Endpoint baseline,
      List<String> sources,
      List<String> records,
      List<String> queries) {}

  /** Latencies of one endpoint in nanoseconds, and its non-2xx answers. */
  static final class Samples {
    private long[] nanos = new long[256];
    private int n;
    private int errors;
    private final Map<String, Integer> statuses = new LinkedHashMap<>();

    synchronized void add(long elapsed, int status) {
      if (n == nanos.length) {
        nanos = Arrays.copyOf(nanos, n * 2);
      }
      nanos[n++] = elapsed;
      if (status < 200 || status > 299) {
        errors++;
        statuses.merge(status == 0 ? "exception" : Integer.toString(status), 1, Integer::sum);
      }
    }

    synchronized long[] sorted() {
      long[] s = Arrays.copyOf(nanos, n);
      Arrays.sort(s);
      return s;
    }

    synchronized Map<String, Object> summary(String name, String path) {
      long[] s = sorted();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("path", path);
      m.put("count", s.length);
      m.put("errors", errors);
      m.put("statuses", new LinkedHashMap<>(statuses));
      m.put("p50", percentile(s, 0.50));
      m.put("p95", percentile(s, 0.95));
      m.put("p99", percentile(s, 0.99));
      m.put("max", s.length == 0 ? 0.0 : s[s.length - 1] / 1e6);
      return m;
    }
  }

  private final Plan plan;
  private final HttpClient browser;
  private final HttpClient api;

  WebLoadClient(Plan plan) {
    this.plan = plan;
    this.browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.api =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: WebLoadClient PLAN_FILE");
      System.exit(2);
    }
    Plan plan = readPlan(Path.of(args[0]));
    Map<String, Object> result = new WebLoadClient(plan).run(System.err);
    PrintStream out = System.out;
    out.println(new ObjectMapper().writeValueAsString(result));
    out.flush();
  }

  Map<String, Object> run(PrintStream log) throws IOException, InterruptedException {
    login();
    // warm-up: every endpoint a few times in turn; a 404 means the page is not built yet
    List<Endpoint> live = new ArrayList<>();
    List<Map<String, Object>> skipped = new ArrayList<>();
    Map<String, Double> first = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(7);
    for (Endpoint e : plan.endpoints()) {
      String path = expand(e.template(), random);
      if (path == null) {
        skipped.add(Map.of("name", e.name(), "path", e.template(), "reason", "no ids to use"));
        continue;
      }
      long t0 = System.nanoTime();
      int status = send(e, path).statusCode();
      first.put(e.name(), (System.nanoTime() - t0) / 1e6);
      if (status == 404) {
        skipped.add(Map.of("name", e.name(), "path", e.template(), "reason", "404"));
        continue;
      }
      live.add(e);
      for (int i = 1; i < plan.warmup(); i++) {
        String next = expand(e.template(), random);
        send(e, next == null ? path : next);
      }
    }
    if (live.isEmpty()) {
      throw new IllegalStateException("every endpoint answered 404: nothing to measure");
    }
    // a short concurrent warm-up so both JVMs have compiled their hot paths
    int warmRequests = Math.max(plan.concurrency() * 4, Math.min(plan.requests() / 10, 400));
    load(live, warmRequests, Math.max(5, plan.seconds() / 4), null);

    Map<Endpoint, Samples> samples = new LinkedHashMap<>();
    live.forEach(e -> samples.put(e, new Samples()));
    long start = System.nanoTime();
    int done = load(live, plan.requests(), plan.seconds(), samples);
    double seconds = (System.nanoTime() - start) / 1e9;

    Map<Endpoint, Samples> base = new LinkedHashMap<>();
    base.put(plan.baseline(), new Samples());
    load(List.of(plan.baseline()), Math.max(plan.concurrency() * 4, 100), 5, null);
    long bStart = System.nanoTime();
    int bDone = load(List.of(plan.baseline()), done, plan.seconds(), base);
    double bSeconds = (System.nanoTime() - bStart) / 1e9;

    Samples overall = new Samples();
    List<Map<String, Object>> endpoints = new ArrayList<>();
    samples.forEach(
        (e, s) -> {
          endpoints.add(s.summary(e.name(), e.template()));
          long[] sorted = s.sorted();
          for (long v : sorted) {
            overall.add(v, 200);
          }
          synchronized (s) {
            overall.errors += s.errors;
            s.statuses.forEach((k, v) -> overall.statuses.merge(k, v, Integer::sum));
          }
        });
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("concurrency", plan.concurrency());
    result.put("requests", done);
    result.put("seconds", seconds);
    result.put("throughput", done / seconds);
    result.put("endpoints", endpoints);
    result.put("overall", overall.summary("overall", "*"));
    Map<String, Object> b = base.get(plan.baseline()).summary(plan.baseline().name(), "");
    b.put("path", plan.baseline().template());
    result.put("baseline", b);
    result.put("baselineThroughput", bDone / bSeconds);
    result.put("skipped", skipped);
    result.put("firstRequestMs", first);
    return result;
  }

  /**
   * Runs {@code threads} workers over random endpoints until {@code max} requests or {@code
   * seconds} have passed; records into {@code samples} when given. Returns requests completed.
   */
  private int load(
      List<Endpoint> endpoints, int max, int seconds, @Nullable Map<Endpoint, Samples> samples)
      throws InterruptedException {
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < plan.concurrency(); t++) {
      SplittableRandom r = new SplittableRandom(ThreadLocalRandom.current().nextLong());
      Thread th =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline && issued.getAndIncrement() < max) {
                  Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
                  String path = expand(e.template(), r);
                  if (path == null) {
                    continue;
                  }
                  long t0 = System.nanoTime();
                  int status;
                  try {
                    status = send(e, path).statusCode();
                  } catch (IOException ex) {
                    status = 0;
                  } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  long elapsed = System.nanoTime() - t0;
                  completed.incrementAndGet();
                  if (samples != null) {
                    samples.get(e).add(elapsed, status);
                  }
                }
              },
              "load-" + t);
      th.start();
      threads.add(th);
    }
    for (Thread th : threads) {
      th.join();
    }
    return completed.get();
  }

  private HttpResponse<byte[]> send(Endpoint e, String path)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(plan.base() + path)).timeout(TIMEOUT);
    if (e.auth() == Auth.TOKEN) {
      b.header("Authorization", "Bearer " + plan.token());
    }
    HttpClient c = e.auth() == Auth.SESSION ? browser : api;
    return c.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private void login() throws IOException, InterruptedException {
    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(URI.create(plan.base() + "/login")).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Matcher m = CSRF.matcher(form.body());
    if (!m.find()) {
      throw new IllegalStateException("the sign-in page has no CSRF token");
    }
    String body =
        "name="
            + enc(plan.user())
            + "&password="
            + enc(plan.password())
            + "&next=%2F&_csrf="
            + enc(m.group(1));
    HttpResponse<String> r =
        browser.send(
            HttpRequest.newBuilder(URI.create(plan.base() + "/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 302) {
      throw new IllegalStateException("sign-in failed with " + r.statusCode() + ": " + r.body());
    }
  }

  /** The template with its placeholders filled at random; null when a needed list is empty. */
  @Nullable String expand(String template, SplittableRandom r) {
    String p = template;
    if (p.contains("{source}")) {
      if (plan.sources().isEmpty()) {
        return null;
      }
      p = p.replace("{source}", enc(plan.sources().get(r.nextInt(plan.sources().size()))));
    }
    if (p.contains("{record}")) {
      if (plan.records().isEmpty()) {
        return null;
      }
      p = p.replace("{record}", enc(plan.records().get(r.nextInt(plan.records().size()))));
    }
    if (p.contains("{q}")) {
      if (plan.queries().isEmpty()) {
        return null;
      }
      p = p.replace("{q}", enc(plan.queries().get(r.nextInt(plan.queries().size()))));
    }
    return p;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
  }

  // ---- the plan file: one setting per line, fields separated by tabs

  static void writePlan(Path file, Plan p) throws IOException {
    StringBuilder b = new StringBuilder();
    line(b, "base", p.base());
    line(b, "user", p.user());
    line(b, "password", p.password());
    line(b, "token", p.token());
    line(b, "concurrency", Integer.toString(p.concurrency()));
    line(b, "requests", Integer.toString(p.requests()));
    line(b, "seconds", Integer.toString(p.seconds()));
    line(b, "warmup", Integer.toString(p.warmup()));
    for (Endpoint e : p.endpoints()) {
      line(b, "endpoint", e.name(), e.auth().name(), e.template());
    }
    line(b, "baseline", p.baseline().name(), p.baseline().auth().name(), p.baseline().template());
    p.sources().forEach(s -> line(b, "source", s));
    p.records().forEach(s -> line(b, "record", s));
    p.queries().forEach(s -> line(b, "query", s));
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder b, String... fields) {
    for (String f : fields) {
      if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("plan fields cannot hold tabs or newlines: " + f);
      }
    }
    b.append(String.join("\t", fields)).append('\n');
  }

  static Plan readPlan(Path file) throws IOException {
    Map<String, String> one = new LinkedHashMap<>();
    List<Endpoint> endpoints = new ArrayList<>();
    @Nullable Endpoint baseline = null;
    List<String> sources = new ArrayList<>();
    List<String> records = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (l.isEmpty()) {
        continue;
      }
      String[] f = l.split("\t", -1);
      switch (f[0]) {
        case "endpoint" -> endpoints.add(new Endpoint(f[1], Auth.valueOf(f[2]), f[3]));
        case "baseline" -> baseline = new Endpoint(f[1], Auth.valueOf(f[2]), f[3]);
        case "source" -> sources.add(f[1]);
        case "record" -> records.add(f[1]);
        case "query" -> queries.add(f[1]);
        default -> one.put(f[0], f[1]);
      }
    }
    if (baseline == null) {
      throw new IllegalArgumentException("the plan names no baseline");
    }
    return new Plan(
        one.get("base"),
        one.get("user"),
        one.get("password"),
        one.get("token"),
        Integer.parseInt(one.get("concurrency")),
        Integer.parseInt(one.get("requests")),
        Integer.parseInt(one.get("seconds")),
        Integer.parseInt(one.get("warmup")),
        endpoints,
        baseline,
        sources,
        records,
        queries);
  }
}
