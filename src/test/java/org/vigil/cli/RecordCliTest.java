package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.Pages;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.model.Model;

/** From captured pages to a reviewed record, statistics, exports and a verified audit log. */
class RecordCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STATION_STORY =
      "<p>Dutch investigators said an office in Rotterdam served as an overseas police service"
          + " station run by the Fuzhou Public Security Bureau.</p>"
          + "<p>According to Safeguard Defenders, at least 102 such stations operate in 53 countries.</p>"
          + "<p>Officials said about 230,000 people were persuaded to return between April 2021 and"
          + " July 2022.</p>";
  static final String OTHER_OUTLET =
      "<p>An office in Rotterdam was used as an overseas police service station of the Fuzhou"
          + " Public Security Bureau, prosecutors in the Netherlands said on Monday, describing a"
          + " separate inquiry of their own into the premises and its visitors.</p>";

  @TempDir Path data;
  @TempDir Path in;

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data");
    all.add(data.toString());
    return CliRun.of(all.toArray(String[]::new));
  }

  String stationProposal(String sourcePrefix) throws IOException {
    List<JsonNode> ps =
        run("proposals", "--json", "--kind", "station", "--source", sourcePrefix).lines();
    assertThat(ps).isNotEmpty();
    return ps.get(0).get("id").asText();
  }

  @Test
  void reviewedProposalsBecomeARecordThatStatisticsExportsAndTheAuditLogReflect() throws Exception {
    Pages.write(
        in,
        "gazette.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", STATION_STORY));
    Pages.write(
        in,
        "ledger.html",
        Pages.page("Northern Ledger", "Prosecutors on station", "2022-10-31", OTHER_OUTLET));
    assertThat(run("ingest", in.toString()).exit()).isZero();
    List<JsonNode> sources = run("sources", "--json").lines();
    String first = sources.get(0).get("id").asText();
    String second = sources.get(1).get("id").asText();

    // proposals carry normalised fields and the exact words
    JsonNode p = run("proposals", "--json", "--kind", "station", "--source", first).lines().get(0);
    assertThat(p.get("fields").get("city").get(0).asText()).isEqualTo("Rotterdam");
    assertThat(p.get("fields").get("country").get(0).asText()).isEqualTo("NL");
    assertThat(p.get("fields").get("agency").get(0).asText())
        .isEqualTo("Fuzhou Public Security Bureau");
    assertThat(p.get("quote").asText()).contains("office in Rotterdam");

    // two reviewers accept the same station from two independent outlets
    CliRun a = run("review", "accept", stationProposal(first), "--as", "alice", "--json");
    assertThat(a.exit()).as(a.err()).isZero();
    String station = a.lines().get(0).get("record").asText();
    CliRun b = run("review", "accept", stationProposal(second), "--as", "bob", "--json");
    assertThat(b.lines().get(0).get("record").asText()).isEqualTo(station);

    JsonNode shown = run("review", "show", station, "--json").lines().get(0);
    JsonNode located = null;
    for (JsonNode c : shown.get("claims")) {
      if (c.get("predicate").asText().equals("located_in")) {
        located = c;
      }
    }
    assertThat(located).isNotNull();
    assertThat(located.get("support").asText()).isEqualTo("2 documents, 2 independent origins");
    assertThat(located.get("status").asText()).isEqualTo("corroborated");
    assertThat(located.get("spans").get(0).get("quote").asText()).contains("Rotterdam");

    // a stale version is a conflict naming the change
    String claimId = located.get("id").asText();
    int version = located.get("version").asInt();
    assertThat(
            run(
                    "review",
                    "status",
                    claimId,
                    "--to",
                    "disputed",
                    "--as",
                    "carol",
                    "--reason",
                    "doubt")
                .exit())
        .isZero();
    CliRun stale =
        run(
            "review",
            "status",
            claimId,
            "--to",
            "confirmed",
            "--as",
            "dave",
            "--reason",
            "court record",
            "--version",
            String.valueOf(version));
    assertThat(stale.exit()).isEqualTo(2);
    assertThat(stale.err()).contains("[conflict]").contains("carol");
    assertThat(
            run(
                    "review",
                    "status",
                    claimId,
                    "--to",
                    "alleged",
                    "--as",
                    "carol",
                    "--reason",
                    "checked")
                .exit())
        .isZero();

    // statistics list the claims behind each figure
    JsonNode stats = run("stats", "--json").lines().get(0);
    JsonNode byAgency = stats.get("tables").get(1);
    assertThat(byAgency.get("name").asText()).isEqualTo("stations_by_operating_agency");
    assertThat(byAgency.get("rows").get(0).get("key").asText())
        .isEqualTo("Fuzhou Public Security Bureau");
    assertThat(byAgency.get("rows").get(0).get("claimIds")).isNotEmpty();

    // exports: CSV with links back, GeoJSON point, FtM valid against the model
    Path out = data.resolve("export");
    for (String f : List.of("csv", "json", "geojson", "ftm")) {
      assertThat(
              run(
                      "export",
                      "--format",
                      f,
                      "--out",
                      out.toString(),
                      "--link-base",
                      "http://localhost:7070/records/")
                  .exit())
          .isZero();
    }
    assertThat(Files.readString(out.resolve("stations.csv")))
        .contains("http://localhost:7070/records/" + station);
    JsonNode geo = JSON.readTree(out.resolve("vigil.geojson").toFile());
    assertThat(geo.get("features").get(0).get("geometry").get("coordinates").get(0).asDouble())
        .isBetween(4.0, 5.0);
    Model model = Model.loadDefault();
    for (String line : Files.readAllLines(out.resolve("vigil.ftm.json"), StandardCharsets.UTF_8)) {
      ValueEntity.fromJson(model, JSON.readTree(line));
    }
    assertThat(Files.readString(out.resolve("vigil.ftm.json")))
        .contains("\"Documentation\"")
        .contains("\"Article\"");

    // the audit log holds every decision and detects tampering
    assertThat(run("audit", "history", claimId, "--json").lines()).isNotEmpty();
    assertThat(run("audit", "verify").exit()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"));
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER IF EXISTS audit_event_no_update");
      for (String t : triggers(c)) {
        s.execute("DROP TRIGGER " + t);
      }
      s.executeUpdate("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2");
    }
    CliRun bad = run("audit", "verify", "--json");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.lines().get(0).get("firstBadSeq").asLong()).isEqualTo(2);
  }

  private static List<String> triggers(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
