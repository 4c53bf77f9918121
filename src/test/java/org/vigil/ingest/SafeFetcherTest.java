package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class SafeFetcherTest {
  private static final String ARTICLE =
      "<html><body><h1>Overseas police station reported</h1>"
          + "<p>海外警务服务站 — a fictional report for tests.</p></body></html>";

  private HttpServer server;
  private ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String lastUserAgent;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    handle("/article", ex -> send(ex, 200, "text/html; charset=utf-8", utf8(ARTICLE)));
    handle(
        "/gzip",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          send(ex, 200, "text/plain; charset=utf-8", gzip(utf8("compressed 海外")));
        });
    handle("/r1", ex -> redirect(ex, "/r2"));
    handle("/r2", ex -> redirect(ex, base + "/article"));
    handle("/loop", ex -> redirect(ex, "/loop"));
    handle("/missing", ex -> send(ex, 404, "text/plain", utf8("no")));
    handle(
        "/slow",
        ex -> {
          sleep(3000);
          send(ex, 200, "text/plain", utf8("late"));
        });
    handle("/big", ex -> send(ex, 200, "application/octet-stream", new byte[5000]));
    handle(
        "/big-chunked",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
          ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
          try (OutputStream out = ex.getResponseBody()) {
            out.write(new byte[5000]);
          }
        });
    handle(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          send(ex, 200, "text/plain", gzip(new byte[10_000_000])); // ~10 KB on the wire
        });
    handle("/to-forbidden", ex -> redirect(ex, "http://127.0.0.2:" + port() + "/article"));
    handle("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
    server.start();
    base = "http://127.0.0.1:" + port();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void fetchesBodyHeadersAndStatusExactly() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      FetchedResource fetched = fetcher.fetch(URI.create(base + "/article"));

      assertThat(fetched.status()).isEqualTo(200);
      assertThat(fetched.body()).isEqualTo(utf8(ARTICLE));
      assertThat(fetched.contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(fetched.headers())
          .containsEntry("content-type", List.of("text/html; charset=utf-8"));
      assertThat(fetched.headers().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
      assertThat(fetched.finalUri()).isEqualTo(URI.create(base + "/article"));
      assertThat(fetched.redirects()).isEmpty();
      assertThat(lastUserAgent).isEqualTo("Vigil/0.1 (+capture for documentation)");
    }
  }

  @Test
  void recordsEveryRedirectHop() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      FetchedResource fetched = fetcher.fetch(URI.create(base + "/r1"));

      assertThat(fetched.redirects())
          .containsExactly(URI.create(base + "/r1"), URI.create(base + "/r2"));
      assertThat(fetched.requested()).isEqualTo(URI.create(base + "/r1"));
      assertThat(fetched.finalUri()).isEqualTo(URI.create(base + "/article"));
      assertThat(fetched.body()).isEqualTo(utf8(ARTICLE));
    }
  }

  @Test
  void decodesGzipBody() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertThat(fetcher.fetch(URI.create(base + "/gzip")).body()).isEqualTo(utf8("compressed 海外"));
    }
  }

  @Test
  void refusesTooManyRedirects() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertFails(() -> fetcher.fetch(URI.create(base + "/loop")), ErrorCode.TOO_MANY_REDIRECTS);
    }
  }

  @Test
  void reportsHttpErrorWithStatus() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/missing")))
          .isInstanceOfSatisfying(
              VigilException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.HTTP_ERROR);
                assertThat(e.getMessage()).contains("404");
              });
    }
  }

  @Test
  void slowServerTimesOut() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      long start = System.nanoTime();
      assertFails(() -> fetcher.fetch(URI.create(base + "/slow")), ErrorCode.FETCH_TIMEOUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void totalDeadlineStopsAFetchEvenWhenReadsKeepArriving() {
    FetchPolicy policy =
        new FetchPolicy(true, 1_000_000, Duration.ofSeconds(2), Duration.ofSeconds(5), 3);
    try (SafeFetcher fetcher = new SafeFetcher(policy, address -> false, Duration.ofMillis(300))) {
      assertFails(() -> fetcher.fetch(URI.create(base + "/slow")), ErrorCode.FETCH_TIMEOUT);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/big", "/big-chunked"})
  void bodyOverTheCapIsTooLarge(String path) {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 4000))) {
      assertFails(() -> fetcher.fetch(URI.create(base + path)), ErrorCode.TOO_LARGE);
    }
  }

  @Test
  void gzipBombIsBounded() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 100_000))) {
      assertFails(() -> fetcher.fetch(URI.create(base + "/bomb")), ErrorCode.TOO_LARGE);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "10.0.0.1",
        "169.254.169.254",
        "192.168.1.1",
        "0.0.0.0",
        "2130706433",
        "0x7f.1",
        "0x7f000001",
        "0177.0.0.1",
        "127.1",
      })
  void refusesPrivateAddressesBeforeAnyConnection(String host) {
    try (SafeFetcher fetcher = new SafeFetcher(policy(false, 1_000_000))) {
      assertThatThrownBy(
              () -> fetcher.fetch(URI.create("http://" + host + ":" + port() + "/article")))
          .isInstanceOfSatisfying(
              VigilException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BLOCKED_ADDRESS);
                assertThat(e.getMessage()).contains("resolves to");
              });
    }
    assertThat(requests).hasValue(0);
  }

  @Test
  void refusesRedirectToForbiddenAddress() {
    FetchPolicy policy = policy(false, 1_000_000);
    try (SafeFetcher fetcher =
        new SafeFetcher(
            policy,
            address -> address.getHostAddress().equals("127.0.0.2"),
            Duration.ofSeconds(5))) {
      assertThat(fetcher.fetch(URI.create(base + "/article")).status()).isEqualTo(200);
      assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/to-forbidden")))
          .isInstanceOfSatisfying(
              VigilException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BLOCKED_ADDRESS);
                assertThat(e.getMessage()).contains("127.0.0.2");
              });
    }
    assertThat(requests).hasValue(2); // /article and /to-forbidden, never the target
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void connectionUsesTheResolverThatChecksAgain(String host) throws IOException {
    // The check before the request passes, the one inside the client's resolver (whose answer is
    // the address connected to) fails: as if DNS had been rebound in between.
    int addresses = host.equals("localhost") ? InetAddress.getAllByName(host).length : 1;
    AtomicInteger checks = new AtomicInteger();
    try (SafeFetcher fetcher =
        new SafeFetcher(
            policy(false, 1_000_000),
            address -> checks.incrementAndGet() > addresses,
            Duration.ofSeconds(5))) {
      assertFails(
          () -> fetcher.fetch(URI.create("http://" + host + ":" + port() + "/article")),
          ErrorCode.BLOCKED_ADDRESS);
    }
    assertThat(requests).hasValue(0);
  }

  @Test
  void refusesRedirectToNonHttpScheme() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertFails(() -> fetcher.fetch(URI.create(base + "/to-file")), ErrorCode.BLOCKED_SCHEME);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://example.org/",
        "jar:file:/tmp/a.jar!/x",
        "data:text/plain,hello",
        "mailto:someone@example.org"
      })
  void refusesNonHttpSchemes(String uri) {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertFails(() -> fetcher.fetch(URI.create(uri)), ErrorCode.BLOCKED_SCHEME);
    }
  }

  @Test
  void refusesCredentialsInUrl() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertFails(
          () -> fetcher.fetch(URI.create("http://user:secret@127.0.0.1:" + port() + "/article")),
          ErrorCode.INVALID_INPUT);
    }
    assertThat(requests).hasValue(0);
  }

  @Test
  void unknownHostIsUnresolvable() {
    try (SafeFetcher fetcher = new SafeFetcher(policy(false, 1_000_000))) {
      assertFails(
          () -> fetcher.fetch(URI.create("http://no-such-host.invalid/")),
          ErrorCode.UNRESOLVABLE_HOST);
    }
  }

  @Test
  void refusedConnectionIsFetchFailed() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    try (SafeFetcher fetcher = new SafeFetcher(policy(true, 1_000_000))) {
      assertFails(
          () -> fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/")),
          ErrorCode.FETCH_FAILED);
    }
  }

  private static FetchPolicy policy(boolean allowPrivate, long maxBytes) {
    return new FetchPolicy(
        allowPrivate, maxBytes, Duration.ofMillis(300), Duration.ofMillis(300), 3);
  }

  private static void assertFails(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(VigilException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private void handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        ex -> {
          requests.incrementAndGet();
          lastUserAgent = ex.getRequestHeaders().getFirst("User-Agent");
          try {
            handler.handle(ex);
          } finally {
            ex.close();
          }
        });
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
