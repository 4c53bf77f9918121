package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.Pages;

/** From a captured page to a reviewed incident to a public release that coarsens it. */
class ReleaseCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STORY =
      "<p>On 12 September 2022, a student in Rotterdam was pressured to return to China by two"
          + " men who visited her flat.</p>";

  @TempDir Path data;
  @TempDir Path in;
  @TempDir Path tmp;

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void releaseCoarsensAReviewedIncidentAndWritesAManifest() throws Exception {
    Pages.write(
        in, "story.html", Pages.page("Harbour Gazette", "Student pressured", "2022-10-01", STORY));
    assertThat(run("ingest", in.toString()).exit()).isZero();
    List<JsonNode> ps = run("proposals", "--json", "--kind", "incident").lines();
    assertThat(ps).isNotEmpty();
    CliRun accepted =
        run("review", "accept", ps.get(0).get("id").asText(), "--as", "alice", "--json");
    assertThat(accepted.exit()).as(accepted.err()).isZero();
    JsonNode a = accepted.lines().get(0);
    // one outlet: its claims are alleged, which this release publishes
    assertThat(a.get("claims")).isNotEmpty();
    Path exact = tmp.resolve("exact.json");
    Files.writeString(
        exact,
        "{\"name\": \"exact\", \"incidentPlace\": \"exact\", \"incidentDate\": \"day\","
            + " \"statuses\": [\"alleged\"]}");
    Path strict = tmp.resolve("strict.json");
    Files.writeString(
        strict,
        "{\"name\": \"strict\", \"incidentPlace\": \"country\", \"incidentDate\": \"year\","
            + " \"statuses\": [\"alleged\", \"corroborated\", \"confirmed\"]}");

    // an exact release shows the city and the day, so the scan below can find them
    Path open = tmp.resolve("open");
    CliRun o = run("release", "--policy", exact.toString(), "--out", open.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(allText(open)).contains("Rotterdam", "2022-09-12");

    Path out = tmp.resolve("public");
    CliRun r = run("release", "--policy", strict.toString(), "--out", out.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode view = r.lines().get(0);
    assertThat(view.get("records").get("incident").asInt()).isEqualTo(1);
    String all = allText(out);
    assertThat(all)
        .doesNotContain("Rotterdam", "2022-09-12", "12 September 2022", "2022-09")
        .contains("\"2022\"", "Netherlands");
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("files")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(manifest.get("policy").get("content").get("name").asText()).isEqualTo("strict");

    // the release is in the audit log, under the manifest's hash
    String manifestSha = view.get("manifestSha256").asText();
    assertThat(manifestSha).isEqualTo(sha256(out.resolve("manifest.json")));
    List<JsonNode> events =
        run("audit", "history", "release:" + manifestSha.substring(0, 16), "--json").lines();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("action").asText()).isEqualTo("release.write");
              assertThat(e.get("after").asText()).contains(manifestSha);
            });
    // a second release into the same folder needs --force
    CliRun again = run("release", "--policy", strict.toString(), "--out", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("--force");
    assertThat(
            run("release", "--policy", strict.toString(), "--out", out.toString(), "--force")
                .exit())
        .isZero();
  }

  @Test
  void aPolicyWithAnUnknownFieldIsRefusedNamingIt() throws IOException {
    Path policy = tmp.resolve("bad.json");
    Files.writeString(policy, "{\"name\": \"x\", \"includeTestimony\": true}");
    CliRun r = run("release", "--policy", policy.toString(), "--out", tmp.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("includeTestimony").contains("invalid_input");
    assertThat(tmp.resolve("o")).doesNotExist();
    CliRun missing =
        run(
            "release",
            "--policy",
            tmp.resolve("nope.json").toString(),
            "--out",
            tmp.resolve("o").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("policy");
  }

  static String sha256(Path p) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }

  static String allText(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        b.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return b.toString();
  }
}
