package org.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.schema.SourceSpan;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.model.Model;
import tech.followthemoney.model.PropertyType;

class ExporterTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path out;

  static Snapshot.Claim claim(
      String id, String predicate, String value, String object, String status) {
    String text = "the office in Rotterdam served as a police service station";
    return new Snapshot.Claim(
        id,
        predicate,
        value,
        object,
        status,
        2,
        1,
        List.of(SourceSpan.of("aaaa000011112222", text, 4, 10)),
        List.of("Safeguard Defenders", "Harbour Gazette"));
  }

  /** Two stations in NL, one in IE; one incident; a bureau; places with coordinates. */
  static Snapshot sample() {
    return new Snapshot(
        List.of(
            new Snapshot.Record(
                "place:rotterdam",
                "place",
                "Rotterdam",
                "active",
                51.92,
                4.48,
                List.of(
                    claim("c1", "name", "Rotterdam", null, "alleged"),
                    claim("c2", "country", "NL", null, "alleged"))),
            new Snapshot.Record(
                "place:dublin",
                "place",
                "Dublin",
                "active",
                53.35,
                -6.26,
                List.of(claim("c3", "country", "IE", null, "alleged"))),
            new Snapshot.Record(
                "org:fuzhou-psb",
                "organization",
                "Fuzhou Public Security Bureau",
                "active",
                null,
                null,
                List.of(
                    claim("c4", "kind", "public_security_bureau", null, "alleged"),
                    claim("c5", "country", "CN", null, "alleged"))),
            new Snapshot.Record(
                "org:assoc",
                "organization",
                "Rotterdam Hometown Association",
                "active",
                null,
                null,
                List.of(claim("c6", "kind", "hometown_association", null, "alleged"))),
            new Snapshot.Record(
                "station:1",
                "station",
                "Rotterdam station",
                "active",
                null,
                null,
                List.of(
                    claim("c7", "located_in", null, "place:rotterdam", "corroborated"),
                    claim("c8", "operated_by", null, "org:fuzhou-psb", "alleged"),
                    claim("c9", "hosted_by", null, "org:assoc", "alleged"))),
            new Snapshot.Record(
                "station:2",
                "station",
                "Dublin station",
                "active",
                null,
                null,
                List.of(
                    claim("c10", "located_in", null, "place:dublin", "confirmed"),
                    claim("c11", "operated_by", null, "org:fuzhou-psb", "alleged"))),
            new Snapshot.Record(
                "station:3",
                "station",
                "Amsterdam station (retracted)",
                "active",
                null,
                null,
                List.of(claim("c12", "located_in", null, "place:rotterdam", "retracted"))),
            new Snapshot.Record(
                "incident:1",
                "incident",
                "Pressure on relatives",
                "active",
                null,
                null,
                List.of(
                    claim("c13", "tactic", "threats_to_relatives", null, "alleged"),
                    claim("c14", "date", "2021-04-01/2022-07-31", null, "alleged"),
                    claim("c15", "place", null, "place:rotterdam", "alleged"),
                    claim("c16", "linked_station", null, "station:1", "alleged")))),
        List.of(
            new Snapshot.Source(
                "aaaa000011112222",
                "Station inquiry",
                "Harbour Gazette",
                LocalDate.of(2022, 10, 27),
                "https://harbourgazette.example/a",
                "aaaa000011112222" + "0".repeat(48))));
  }

  @Test
  void ftmExportIsValidAgainstTheModelAndEveryReferenceResolves() throws Exception {
    Path file = Exporter.withDefaultLinks().write(sample(), ExportFormat.FTM, out).get(0);
    Model model = Model.loadDefault();
    Set<String> ids = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<ValueEntity> entities = new java.util.ArrayList<>();
    for (String line : lines) {
      ValueEntity e = ValueEntity.fromJson(model, JSON.readTree(line));
      assertThat(ids.add(e.getId())).as("unique id %s", e.getId()).isTrue();
      entities.add(e);
    }
    for (ValueEntity e : entities) {
      for (var p : e.getDefinedProperties()) {
        if (p.getType().getName().equals("entity")) {
          assertThat(ids).as("%s.%s", e.getId(), p.getName()).containsAll(e.getValues(p));
        }
      }
    }
    assertThat(entities)
        .extracting(e -> e.getSchema().getName())
        .contains(
            "Article",
            "Documentation",
            "Organization",
            "PublicBody",
            "Address",
            "Event",
            "UnknownLink");
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"role\":[\"operated by\"]"));
    assertThat(PropertyType.class).isNotNull();
  }

  @Test
  void geojsonPlacesStationsAndIncidentsLongitudeFirst() throws IOException {
    Path file = Exporter.withDefaultLinks().write(sample(), ExportFormat.GEOJSON, out).get(0);
    JsonNode root = JSON.readTree(file.toFile());
    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode first = root.get("features").get(0);
    assertThat(first.get("id").asText()).isEqualTo("station:1");
    assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(4.48);
    assertThat(first.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(51.92);
    assertThat(first.get("properties").get("country").asText()).isEqualTo("NL");
    assertThat(first.get("properties").get("operated_by").get(0).asText())
        .isEqualTo("Fuzhou Public Security Bureau");
    assertThat(root.get("features"))
        .extracting(f -> f.get("id").asText())
        .contains("incident:1", "station:2");
  }

  @Test
  void csvHasAFilePerTypeWithLinksBackAndClaimsWithQuotes() throws IOException {
    List<Path> files =
        new Exporter("http://localhost:7070/records/").write(sample(), ExportFormat.CSV, out);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "stations.csv",
            "organizations.csv",
            "places.csv",
            "incidents.csv",
            "claims.csv",
            "sources.csv");
    List<CSVRecord> stations = read(out.resolve("stations.csv"));
    assertThat(stations.get(0).get("link")).isEqualTo("http://localhost:7070/records/station:1");
    assertThat(stations.get(0).get("located_in")).isEqualTo("Rotterdam");
    assertThat(stations.get(0).get("claims")).isEqualTo("c7 c8 c9");
    List<CSVRecord> claims = read(out.resolve("claims.csv"));
    assertThat(claims.get(0).get("quotes")).isEqualTo("office");
    assertThat(claims.get(0).get("attribution")).isEqualTo("Safeguard Defenders → Harbour Gazette");
    assertThat(out).isDirectoryNotContaining("glob:**.part");
  }

  @Test
  void jsonCarriesEveryRecordWithItsClaimsAndSources() throws IOException {
    Path file = Exporter.withDefaultLinks().write(sample(), ExportFormat.JSON, out).get(0);
    JsonNode root = JSON.readTree(file.toFile());
    assertThat(root.get("records")).hasSize(8);
    assertThat(
            root.get("records")
                .get(4)
                .get("claims")
                .get(0)
                .get("spans")
                .get(0)
                .get("quote")
                .asText())
        .isEqualTo("office");
    assertThat(root.get("sources").get(0).get("published").asText()).isEqualTo("2022-10-27");
  }

  @Test
  void statisticsCountStandingRecordsAndListTheirClaims() {
    var tables = Statistics.of(sample());
    var byCountry = tables.get(0);
    assertThat(byCountry.name()).isEqualTo("stations_by_host_country");
    // station:3 only has a retracted claim, so it does not count
    assertThat(byCountry.rows())
        .extracting(Statistics.Figure::key, Statistics.Figure::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IE", 1L),
            org.assertj.core.groups.Tuple.tuple("NL", 1L));
    assertThat(byCountry.rows().get(1).claimIds()).containsExactly("c7");
    var byAgency = tables.get(1);
    assertThat(byAgency.rows())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.key()).isEqualTo("Fuzhou Public Security Bureau");
              assertThat(f.count()).isEqualTo(2);
              assertThat(f.claimIds()).containsExactly("c8", "c11");
            });
    assertThat(tables.get(3).rows())
        .singleElement()
        .satisfies(f -> assertThat(f.key()).isEqualTo("2021"));
    assertThat(tables.get(4).rows())
        .singleElement()
        .satisfies(f -> assertThat(f.key()).isEqualTo("NL"));
  }

  private static List<CSVRecord> read(Path p) throws IOException {
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }
}
