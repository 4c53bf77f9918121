package org.vigil.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.accounts.Role;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.testing.Pages;
import org.vigil.web.JsonViews;
import org.vigil.web.TestBrowser;
import org.vigil.web.TestServer;

/**
 * SSRF end to end: an analyst asks the workspace to capture URLs that point at the server's own
 * network (loopback in every spelling, a name resolving to it, private and link-local ranges, cloud
 * metadata, IPv4-mapped IPv6) or use other schemes. Each item fails with its own code before any
 * request is made (a listener on loopback counts them), and the workspace is unchanged. The rules
 * themselves are tested address by address in {@code org.vigil.ingest.AddressRulesTest} and
 * redirects in {@code SafeFetcherTest}.
 */
class SsrfTest {
  @TempDir static Path data;
  @TempDir static Path in;
  static TestServer server;
  static HttpServer target;
  static final AtomicInteger requests = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(data);
    Path story =
        Pages.write(
            in,
            "story.html",
            Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    server
        .vigil()
        .ingest()
        .ingest(
            List.of(story.toString()), IngestOptions.defaults(), new IngestService.Listener() {});
    assertThat(server.vigil().sources().count()).isEqualTo(1);
    target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    target.start();
  }

  @AfterAll
  static void stop() {
    target.stop(0);
    server.close();
  }

  @Test
  void urlsIntoTheServersOwnNetworkOrOtherSchemesAreRefusedBeforeAnyRequest() throws Exception {
    int port = target.getAddress().getPort();
    Map<String, String> expected = new LinkedHashMap<>();
    for (String host :
        List.of(
            "127.0.0.1",
            "localhost",
            "[::1]",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
            "2130706433",
            "0x7f000001",
            "0177.0.0.1",
            "127.1",
            "0.0.0.0",
            "10.0.0.1",
            "192.168.1.1",
            "172.16.0.1",
            "169.254.169.254",
            "[fe80::1]",
            "[fd00::1]")) {
      expected.put("http://" + host + ":" + port + "/secret", "blocked_address");
    }
    expected.put("https://127.0.0.1:" + port + "/secret", "blocked_address");
    // a fully qualified spelling: refused as loopback, or as unresolvable where the resolver
    // does not know it; either way before any request
    String fqdn = "http://LOCALHOST.:" + port + "/secret";
    expected.put(fqdn, "blocked_address");
    expected.put("http://169.254.169.254/latest/meta-data/", "blocked_address");
    for (String url :
        List.of(
            "file:///etc/passwd",
            "ftp://127.0.0.1:" + port + "/",
            "gopher://127.0.0.1:" + port + "/_GET",
            "jar:http://127.0.0.1:" + port + "/a.jar!/x",
            "ldap://127.0.0.1:" + port + "/a",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)")) {
      expected.put(url, "blocked_scheme");
    }

    TestBrowser analyst = server.signedIn(Role.ANALYST);
    analyst.get("/sources");
    Intact before = Intact.of(server.vigil());
    HttpResponse<String> r =
        analyst.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/captures"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", analyst.csrf())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JsonViews.mapper()
                            .writeValueAsString(Map.of("urls", List.copyOf(expected.keySet())))))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode status = await(analyst, JsonViews.mapper().readTree(r.body()).get("job").asText());

    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, String> messages = new LinkedHashMap<>();
    status
        .get("items")
        .forEach(
            i -> {
              assertThat(i.get("status").asText()).as(i.toString()).isEqualTo("failed");
              actual.put(i.get("name").asText(), i.get("code").asText());
              messages.put(i.get("name").asText(), i.get("error").asText());
            });
    assertThat(actual.get(fqdn)).isIn("blocked_address", "unresolvable_host");
    actual.put(fqdn, "blocked_address");
    assertThat(actual).isEqualTo(expected);
    assertThat(messages.values()).allSatisfy(m -> assertThat(m).isNotBlank());
    assertThat(requests.get()).as("requests that reached the loopback listener").isZero();
    before.assertUnchanged(server.vigil(), "SSRF capture attempts");
  }

  @Test
  void aViewerCannotEvenAskForACapture() throws Exception {
    TestBrowser viewer = server.signedIn(Role.VIEWER);
    viewer.get("/sources");
    Intact before = Intact.of(server.vigil());
    HttpResponse<String> r =
        viewer.send(
            HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/captures"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", viewer.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{\"urls\":[\"http://127.0.0.1/\"]}"))
                .build());
    WebAttackTest.assertRefused(r, 403, "forbidden", "may not capture", "viewer capture");
    assertThat(requests.get()).isZero();
    before.assertUnchanged(server.vigil(), "a viewer's capture request");
  }

  static JsonNode await(TestBrowser b, String job) throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    while (true) {
      HttpResponse<String> r = b.get("/api/v1/captures/" + job);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode n = JsonViews.mapper().readTree(r.body());
      if (n.get("finished").asBoolean()) {
        return n;
      }
      assertThat(System.currentTimeMillis()).as("capture job %s finishes", job).isLessThan(until);
      Thread.sleep(100);
    }
  }
}
