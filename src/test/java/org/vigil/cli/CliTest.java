package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.testing.Pages;

/** The command line as scripts use it: exit codes and the documented JSON fields. */
class CliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;
  @TempDir Path in;

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  void writeCorpus() throws IOException {
    Pages.write(
        in,
        "gazette.html",
        Pages.page("Harbour Gazette", "Station inquiry", "2022-10-27", Pages.STORY_EN));
    Pages.write(
        in,
        "wire.html",
        Pages.page(
            "Lowlands Daily Wire",
            "Inquiry into station",
            "2022-10-28",
            Pages.STORY_EN.replace("on Tuesday", "this week")));
    Pages.write(in, "zh.html", Pages.page("环球侨报", "海外警务服务站调查", "2022-11-03", Pages.STORY_ZH));
    Files.write(in.resolve("empty.txt"), new byte[0]);
  }

  @Test
  void ingestJsonHasOneObjectPerItemWithTheDocumentedFields() throws IOException {
    writeCorpus();
    CliRun r = run("ingest", "--data", data.toString(), "--json", in.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1); // the empty file failed
    List<JsonNode> items = r.lines();
    assertThat(items).hasSize(4);
    for (JsonNode item : items) {
      assertThat(item.fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder(
              "input", "url", "status", "sourceId", "cluster", "duplicate", "error");
    }
    assertThat(items)
        .filteredOn(i -> i.get("status").asText().equals("failed"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.get("error").get("code").asText()).isEqualTo("empty_document");
              assertThat(i.get("input").asText()).endsWith("empty.txt");
            });
    assertThat(items).filteredOn(i -> i.get("duplicate").asBoolean()).hasSize(1);

    CliRun again =
        run("ingest", "--data", data.toString(), "--json", in.resolve("zh.html").toString());
    assertThat(again.exit()).isZero();
    assertThat(again.lines().get(0).get("status").asText()).isEqualTo("unchanged");
  }

  @Test
  void humanIngestPrintsASummaryWithEachFailure() throws IOException {
    writeCorpus();
    CliRun r = run("ingest", "--data", data.toString(), in.toString());
    assertThat(r.out()).contains("captured 3, unchanged 0, duplicates 1, failed 1");
    assertThat(r.out()).contains("empty.txt").contains("[empty_document]");
  }

  @Test
  void sourcesShowSearchAndDuplicatesSpeakJson() throws IOException {
    writeCorpus();
    run("ingest", "--data", data.toString(), in.toString());

    List<JsonNode> sources = run("sources", "--data", data.toString(), "--json").lines();
    assertThat(sources).hasSize(3);
    assertThat(sources.get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "id", "title", "language", "publisher", "published", "sha256", "cluster");

    String zhId =
        sources.stream()
            .filter(s -> s.get("language").asText().startsWith("zh"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asText();
    JsonNode shown =
        run("show", "--data", data.toString(), "--json", zhId.substring(0, 8)).lines().get(0);
    assertThat(shown.get("id").asText()).isEqualTo(zhId);
    assertThat(shown.get("publisher").asText()).isEqualTo("环球侨报");
    assertThat(shown.get("text").asText()).contains("警务服务站").doesNotContain("Advertisement");
    assertThat(shown.get("captures").get(0).get("originKind").asText()).isEqualTo("file");

    JsonNode result = run("search", "--data", data.toString(), "--json", "警務服務站").lines().get(0);
    assertThat(result.get("total").asLong()).isEqualTo(1);
    JsonNode hit = result.get("hits").get(0);
    assertThat(hit.get("id").asText()).isEqualTo(zhId);
    JsonNode span = hit.get("highlights").get(0);
    assertThat(
            hit.get("snippet")
                .asText()
                .substring(span.get("start").asInt(), span.get("end").asInt()))
        .isNotBlank();

    JsonNode filtered =
        run(
                "search",
                "--data",
                data.toString(),
                "--json",
                "--lang",
                "en",
                "--from",
                "2022-10-28",
                "station")
            .lines()
            .get(0);
    assertThat(filtered.get("total").asLong()).isEqualTo(1);
    assertThat(filtered.get("hits").get(0).get("publisher").asText())
        .isEqualTo("Lowlands Daily Wire");

    List<JsonNode> clusters = run("duplicates", "--data", data.toString(), "--json").lines();
    assertThat(clusters)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("size").asInt()).isEqualTo(2);
              assertThat(c.get("members")).hasSize(2);
            });
  }

  @Test
  void errorsHaveSpecificCodesAndExitStatus() throws IOException {
    writeCorpus();
    run("ingest", "--data", data.toString(), in.toString());
    CliRun unknown = run("show", "--data", data.toString(), "abcdef0123");
    assertThat(unknown.exit()).isEqualTo(3);
    assertThat(unknown.err()).contains("[not_found]");
    CliRun badId = run("show", "--data", data.toString(), "zz");
    assertThat(badId.exit()).isEqualTo(2);
    assertThat(badId.err()).contains("[invalid_input]");
    CliRun badDate = run("search", "--data", data.toString(), "--from", "last week", "station");
    assertThat(badDate.exit()).isEqualTo(2);
    assertThat(badDate.err()).contains("from");
    CliRun badSize = run("ingest", "--data", data.toString(), "--max-size", "lots", in.toString());
    assertThat(badSize.exit()).isEqualTo(2);
    assertThat(badSize.err()).contains("not a size");
  }

  @Test
  void archiveVerifyAndReindexReport() throws IOException {
    writeCorpus();
    run("ingest", "--data", data.toString(), in.toString());
    JsonNode ok = run("archive", "verify", "--data", data.toString(), "--json").lines().get(0);
    assertThat(ok.get("checked").asLong()).isEqualTo(3);
    assertThat(ok.get("passed").asBoolean()).isTrue();
    assertThat(
            run("reindex", "--data", data.toString(), "--json")
                .lines()
                .get(0)
                .get("indexed")
                .asLong())
        .isEqualTo(3);
  }

  @Test
  void demoRunsOnAnEmptyDataFolder() {
    CliRun r =
        run(
            "demo",
            "--data",
            data.resolve("fresh").toString(),
            "--samples",
            "samples",
            "--no-serve");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("== Sources ==")
        .contains("== Story clusters")
        .contains("== Search:");
    // the one failure is the sample WARC's redirect record, which is not a document
    assertThat(r.out()).contains("captured 10, unchanged 0, duplicates 3, failed 1");
    assertThat(r.out().lines().filter(l -> l.contains("failed:")))
        .singleElement()
        .asString()
        .contains("[http_error]");
    // the Rotterdam story (page, syndicated copy, CMS JSON) and the Chinese story in two scripts
    assertThat(r.out())
        .containsPattern("cluster [0-9a-f]{16}: 3 sources")
        .containsPattern("cluster [0-9a-f]{16}: 2 sources");
    assertThat(r.out()).contains("== Search: 警務服務站  (3 results) ==");
    // the scripted reviewer builds a record and the statistics show it
    assertThat(r.out()).contains("== Record:").containsPattern("accepted [1-9][0-9]* proposals");
    assertThat(r.out()).containsPattern("stations by host country \\(total [1-9]");
    CliRun again =
        run(
            "demo",
            "--data",
            data.resolve("fresh").toString(),
            "--samples",
            "samples",
            "--no-serve");
    assertThat(again.out()).contains("captured 0, unchanged 10,");
  }
}
