package org.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small smoke run of {@code vigil bench web}: real data through the real services, a second JVM
 * loading the server, a complete report without errors; and the data folder is reused.
 */
class WebBenchmarkTest {
  @TempDir Path work;

  @Test
  void smallRunMeasuresEveryPageOnTheServerWithoutErrorsAndReusesItsData() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    WebBenchmark.Report r =
        WebBenchmark.run(new WebBenchmark.Settings(300, 200, 4, 300, 40), work, out);
    WebBenchmark.print(r, out);
    String printed = buf.toString(StandardCharsets.UTF_8);

    assertThat(r.sources()).isEqualTo(300);
    assertThat(r.claims()).isGreaterThanOrEqualTo(200);
    assertThat(r.dataReused()).isFalse();
    assertThat(Files.exists(work.resolve("300-200").resolve(WebBenchData.MARKER))).isTrue();
    // pages and API calls that exist on the server were measured; the rest skipped as 404
    List<String> measured = r.endpoints().stream().map(WebBenchmark.EndpointStats::name).toList();
    assertThat(measured).contains("dashboard", "map", "api stats", "api map features");
    assertThat(measured.size() + r.skipped().size()).isEqualTo(WebBenchmark.ENDPOINTS.size());
    assertThat(r.skipped()).allSatisfy(s -> assertThat(s.reason()).isEqualTo("404"));
    assertThat(r.requests()).isEqualTo(300);
    assertThat(r.endpoints().stream().mapToInt(WebBenchmark.EndpointStats::count).sum())
        .isEqualTo(300);
    assertThat(r.errors()).as(printed).isZero();
    for (WebBenchmark.EndpointStats e : r.endpoints()) {
      assertThat(e.count()).as(e.name()).isPositive();
      assertThat(e.p50()).as(e.name()).isPositive().isLessThanOrEqualTo(e.p95());
      assertThat(e.p95()).as(e.name()).isLessThanOrEqualTo(e.p99());
      assertThat(e.p99()).as(e.name()).isLessThanOrEqualTo(e.max());
    }
    assertThat(r.baseline().count()).isEqualTo(300);
    assertThat(r.baseline().errors()).isZero();
    assertThat(r.throughput()).isPositive();
    assertThat(printed)
        .contains("endpoint", "p95/base", "static robots.txt", "overall p95")
        .containsPattern("(PASS|FAIL)");

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    WebBenchData.Built reused =
        WebBenchData.prepare(work, 300, 200, new PrintStream(again, true, StandardCharsets.UTF_8));
    assertThat(reused.reused()).isTrue();
    assertThat(reused.sources()).isEqualTo(300);
    assertThat(again.toString(StandardCharsets.UTF_8)).contains("reusing data");
  }

  @Test
  void percentilesAreNearestRankOnTheSortedLatencies() {
    long[] ms = new long[100];
    for (int i = 0; i < 100; i++) {
      ms[i] = (i + 1) * 1_000_000L;
    }
    assertThat(WebLoadClient.percentile(ms, 0.50)).isEqualTo(50.0);
    assertThat(WebLoadClient.percentile(ms, 0.95)).isEqualTo(95.0);
    assertThat(WebLoadClient.percentile(ms, 0.99)).isEqualTo(99.0);
    assertThat(WebLoadClient.percentile(new long[] {7_000_000L}, 0.95)).isEqualTo(7.0);
    assertThat(WebLoadClient.percentile(new long[0], 0.95)).isZero();
  }

  @Test
  void thePlanFileRoundTripsAndFillsPlaceholders() throws Exception {
    WebLoadClient.Plan plan =
        new WebLoadClient.Plan(
            "http://127.0.0.1:1",
            "u",
            "p",
            "t",
            2,
            10,
            5,
            1,
            WebBenchmark.ENDPOINTS,
            WebBenchmark.BASELINE,
            List.of("src1"),
            List.of(),
            List.of("海外 警务"));
    Path file = work.resolve("plan.txt");
    WebLoadClient.writePlan(file, plan);
    WebLoadClient.Plan read = WebLoadClient.readPlan(file);
    assertThat(read).isEqualTo(plan);
    WebLoadClient client = new WebLoadClient(read);
    var r = new java.util.SplittableRandom(1);
    assertThat(client.expand("/sources/{source}", r)).isEqualTo("/sources/src1");
    assertThat(client.expand("/sources?q={q}", r))
        .isEqualTo("/sources?q=%E6%B5%B7%E5%A4%96%20%E8%AD%A6%E5%8A%A1");
    assertThat(client.expand("/records/{record}", r)).as("no record ids").isNull();
  }
}
