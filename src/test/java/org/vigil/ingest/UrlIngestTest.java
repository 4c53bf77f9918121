package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.ErrorCode;
import org.vigil.records.CaptureRecord;
import org.vigil.testing.Pages;

/** URL capture against a server on loopback; no test reaches the internet. */
class UrlIngestTest {
  @TempDir Path data;
  Vigil vigil;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  String base;

  @BeforeEach
  void start() throws IOException {
    vigil = Vigil.open(new VigilConfig(data));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page =
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN)
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/story",
        ex -> {
          requests.incrementAndGet();
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, page.length);
          ex.getResponseBody().write(page);
          ex.close();
        });
    server.createContext(
        "/old",
        ex -> {
          requests.incrementAndGet();
          ex.getResponseHeaders().add("Location", "/story");
          ex.sendResponseHeaders(301, -1);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    vigil.close();
  }

  IngestSummary ingest(boolean allowPrivate, String... urls) {
    return vigil
        .ingest()
        .ingest(
            List.of(urls),
            new IngestOptions(10_000_000, allowPrivate, 2),
            new IngestService.Listener() {});
  }

  @Test
  void capturesAUrlWithItsHttpRecordAndRedirects() {
    IngestSummary s = ingest(true, base + "/old");
    assertThat(s.captured()).isEqualTo(1);
    var id = new java.util.ArrayList<String>();
    vigil.sources().forEachSummary(x -> id.add(x.id()));
    CaptureRecord c = vigil.sources().captures(id.get(0)).get(0);
    assertThat(c.origin().kind()).isEqualTo(CaptureRecord.Origin.Kind.URL);
    assertThat(c.http()).isNotNull();
    assertThat(c.http().status()).isEqualTo(200);
    assertThat(c.http().finalUrl()).isEqualTo(base + "/story");
    assertThat(c.http().redirects()).containsExactly(base + "/old");
    assertThat(c.http().headers()).containsKey("content-type");
  }

  @Test
  void loopbackIsRefusedByDefaultBeforeAnyRequest() {
    IngestSummary s =
        ingest(
            false, base + "/story", "http://localhost:" + server.getAddress().getPort() + "/story");
    assertThat(s.failures())
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.error().code()).isEqualTo(ErrorCode.BLOCKED_ADDRESS));
    assertThat(requests.get()).isZero();
    assertThat(vigil.sources().count()).isZero();
  }

  @Test
  void nonHttpSchemesAreRefused() {
    IngestSummary s = ingest(true, "file:///etc/passwd", "ftp://example.org/x");
    assertThat(s.failures())
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.error().code()).isEqualTo(ErrorCode.BLOCKED_SCHEME));
  }
}
