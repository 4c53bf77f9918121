package org.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class ReleaseTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STRICT =
      """
      {"name": "strict public release",
       "incidentPlace": "country",
       "incidentDate": "year",
       "statuses": ["corroborated", "confirmed"],
       "excludePublishers": ["Gossip Sheet"]}
      """;
  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @TempDir Path tmp;

  Release release() {
    return new Release(Exporter.withDefaultLinks(), "test-1.0");
  }

  Release.Result write(String policy, Path out, boolean force) {
    return release()
        .write(
            ReleaseFixture.snapshot(),
            policy.getBytes(StandardCharsets.UTF_8),
            (name, country) -> Optional.of(new double[] {10.5, 20.5}),
            out,
            force,
            NOW);
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void nothingThePolicyRemovesAppearsInAnyByteOfAnyReleaseFile() throws IOException {
    Path out = tmp.resolve("release");
    write(STRICT, out, false);
    List<Path> files = files(out);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "manifest.json",
            "vigil.json",
            "vigil.geojson",
            "vigil.ftm.json",
            "statistics.json",
            "incidents.csv",
            "claims.csv",
            "sources.csv");
    List<String> leaks = new ArrayList<>();
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      for (String forbidden : ReleaseFixture.FORBIDDEN) {
        if (text.toLowerCase(java.util.Locale.ROOT)
            .contains(forbidden.toLowerCase(java.util.Locale.ROOT))) {
          leaks.add(f.getFileName() + " contains " + forbidden);
        }
      }
    }
    assertThat(leaks).isEmpty();

    // and what it allows is there, coarsened
    JsonNode json = JSON.readTree(out.resolve("vigil.json").toFile());
    JsonNode incident = record(json, "incident:m2n3p4q5r6");
    assertThat(incident.get("label").asText()).isEqualTo("Persuasion to return in Netherlands");
    assertThat(claim(incident, "date").get("value").asText()).isEqualTo("2022");
    assertThat(claim(incident, "place").get("objectId").asText()).isEqualTo("place:country-nl");
    assertThat(claim(incident, "tactic").get("spans").get(0).get("quote").asText()).isEmpty();
    assertThat(claim(record(json, "incident:s7t8u9v2w3"), "date").get("value").asText())
        .isEqualTo("2023");
    assertThat(claim(record(json, "response:x4y5z6a7b8"), "date").get("value").asText())
        .isEqualTo("2022");
    JsonNode station = record(json, "station:a2b3c4d5e6");
    assertThat(claim(station, "located_in").get("spans").get(0).get("quote").asText())
        .isEqualTo("an office in Rotterdam");
    assertThat(station.get("label").asText()).startsWith("Overseas police station station:");
    assertThat(json.get("records"))
        .extracting(r -> r.get("id").asText())
        .doesNotContain("station:f7g8h9j2k3", "place:q7vk2m9xae", "place:h3n8c4w2pt");
    String claimsCsv = Files.readString(out.resolve("claims.csv"));
    assertThat(claimsCsv).contains("(quote withheld)").contains("an office in Rotterdam");
    // the article that reports the coarsened incident would date it: its date is not published
    assertThat(json.get("sources"))
        .allSatisfy(src -> assertThat(src.get("published").isNull()).isTrue());
    JsonNode geo = JSON.readTree(out.resolve("vigil.geojson").toFile());
    // incidents at country level have no point; the Rotterdam station keeps its city's
    assertThat(geo.get("features"))
        .extracting(f -> f.get("id").asText())
        .containsExactly("station:a2b3c4d5e6");
  }

  @Test
  void theScanFindsEverySecretInAReleaseThatKeepsEverything() throws IOException {
    // the control for the test above: a permissive policy publishes exact places and days, so
    // the same scan finds them; the testimony guard still removes the target description
    Path out = tmp.resolve("open");
    write(
        """
        {"name": "open", "incidentPlace": "exact", "incidentDate": "day",
         "statuses": ["alleged", "corroborated", "confirmed"]}
        """,
        out,
        false);
    StringBuilder all = new StringBuilder();
    for (Path f : files(out)) {
      all.append(Files.readString(f, StandardCharsets.UTF_8));
    }
    assertThat(all.toString())
        .contains(
            "2022-09-12",
            "12 September 2022",
            "2023年3月5日",
            "Vlaardingen",
            "兹沃勒",
            "51.91234",
            "7777",
            "Quillfeather",
            "Secretline",
            "gossipsheet")
        .doesNotContain("Lotusflower", "a student called");
  }

  @Test
  void manifestListsPolicyCountsAndTheHashAndSizeOfEveryFile() throws Exception {
    Path out = tmp.resolve("release");
    Release.Result r = write(STRICT, out, false);
    JsonNode m = JSON.readTree(out.resolve("manifest.json").toFile());
    assertThat(m.get("vigilVersion").asText()).isEqualTo("test-1.0");
    assertThat(m.get("created").asText()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(m.get("policy").get("sha256").asText())
        .isEqualTo(Release.sha256(STRICT.getBytes(StandardCharsets.UTF_8)));
    assertThat(m.get("policy").get("content").get("incidentPlace").asText()).isEqualTo("country");
    assertThat(m.get("counts").get("records").get("incident").asInt()).isEqualTo(2);
    assertThat(m.get("counts").get("records").has("testimony")).isFalse();
    List<String> listed = new ArrayList<>();
    for (JsonNode f : m.get("files")) {
      Path p = out.resolve(f.get("name").asText());
      listed.add(f.get("name").asText());
      assertThat(f.get("sha256").asText()).as(p.toString()).isEqualTo(Release.sha256(p));
      assertThat(f.get("size").asLong()).isEqualTo(Files.size(p));
    }
    assertThat(m.get("files").findValues("name"))
        .anySatisfy(n -> assertThat(n.asText()).isEqualTo("incidents.csv"));
    JsonNode incidents =
        m.get("files").findParents("name").stream()
            .filter(n -> n.get("name").asText().equals("incidents.csv"))
            .findFirst()
            .orElseThrow();
    assertThat(incidents.get("entries").asLong()).isEqualTo(2);
    List<String> onDisk = new ArrayList<>();
    files(out).forEach(p -> onDisk.add(p.getFileName().toString()));
    onDisk.remove("manifest.json");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(onDisk);
    assertThat(r.records()).containsEntry("incident", 2);
  }

  @Test
  void refusesANonEmptyFolderUnlessForcedAndLeavesNoTemporaryFolder() throws IOException {
    Path out = tmp.resolve("release");
    Files.createDirectories(out);
    Files.writeString(out.resolve("old.txt"), "old");
    assertThatThrownBy(() -> write(STRICT, out, false))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.fieldProblems()).containsKey("out");
            });
    assertThat(out.resolve("old.txt")).exists();
    write(STRICT, out, true);
    assertThat(out.resolve("old.txt")).doesNotExist();
    assertThat(out.resolve("manifest.json")).exists();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("release");
    }
  }

  @Test
  void aBadPolicyWritesNothing() {
    Path out = tmp.resolve("release");
    assertThatThrownBy(() -> write("{\"name\": \"x\", \"incidentPlaces\": \"city\"}", out, false))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.fieldProblems()).containsKey("incidentPlaces"));
    assertThat(out).doesNotExist();
  }

  static JsonNode record(JsonNode json, String id) {
    for (JsonNode r : json.get("records")) {
      if (r.get("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no record " + id);
  }

  static JsonNode claim(JsonNode record, String predicate) {
    for (JsonNode c : record.get("claims")) {
      if (c.get("predicate").asText().equals(predicate)) {
        return c;
      }
    }
    throw new AssertionError("no " + predicate + " claim on " + record.get("id"));
  }
}
