package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.extract.Evaluation.Counting;
import org.vigil.extract.Evaluation.Report;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/** The evaluator on small synthetic gold files and hand-made predictions. */
class EvaluationTest {
  @TempDir Path dir;

  private static final String DOC_A =
      "{\"doc\":\"a.txt\",\"language\":\"en\",\"published\":\"2022-10-27\","
          + "\"source_kind\":\"news_article\","
          + "\"stations\":[{\"city\":\"Rotterdam\",\"country\":\"NL\",\"agency\":\"Fuzhou Public"
          + " Security Bureau\"}],"
          + "\"places\":[{\"country\":\"NL\",\"city\":\"Rotterdam\"},{\"country\":\"NL\"}],"
          + "\"quantities\":[{\"value\":\"102\",\"unit\":\"station\",\"qualifier\":\"at_least\"}],"
          + "\"dates\":[{\"date\":\"2022-09\",\"precision\":\"month\"}],"
          + "\"attributions\":[{\"chain\":[\"Safeguard Defenders | 保护卫士\",\"Wire\"]}],"
          + "\"organizations\":[{\"name\":\"Fuzhou Public Security Bureau\",\"nameZh\":\"福州市公安局\","
          + "\"orgKind\":\"public_security_bureau\"}],"
          + "\"incidents\":[{\"tactic\":\"persuasion_to_return\",\"country\":\"NL\"}],"
          + "\"negative\":false}";

  private static final String DOC_NEG =
      "{\"doc\":\"n.txt\",\"language\":\"zh-Hans\",\"published\":\"2023-01-05\","
          + "\"places\":[{\"country\":\"CN\",\"city\":\"Fuzhou\"}],\"negative\":true}";

  private Path gold(String... lines) throws IOException {
    Files.writeString(dir.resolve("a.txt"), "Headline\nBody text.", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("n.txt"), "标题\n正文。", StandardCharsets.UTF_8);
    Path g = dir.resolve("gold.jsonl");
    Files.writeString(g, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return g;
  }

  private static Proposal p(ProposalKind kind, String... kv) {
    Map<String, List<String>> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.put(kv[i], List.of(kv[i + 1].split(" > ")));
    }
    return new Proposal(kind, new SourceSpan("x", 0, 0, ""), f, 0.5);
  }

  /** Everything DOC_A's gold says, written with harmless case and script differences. */
  private static List<Proposal> perfectA() {
    return List.of(
        p(ProposalKind.STATION, "city", "ROTTERDAM", "country", "nl"),
        p(ProposalKind.PLACE, "country", "NL", "city", "Rotterdam", "placeKind", "city"),
        p(ProposalKind.PLACE, "country", "NL", "placeKind", "country"),
        p(ProposalKind.QUANTITY, "value", "102.0", "unit", "station", "qualifier", "at_least"),
        p(ProposalKind.DATE, "date", "2022-09", "precision", "month"),
        p(ProposalKind.ATTRIBUTION, "chain", "保護衛士 > Some Wire Service"),
        p(ProposalKind.ORGANIZATION, "name", "the Fuzhou  Public Security Bureau"),
        p(ProposalKind.INCIDENT, "tactic", "persuasion_to_return", "country", "NL"));
  }

  private static Function<ProposalInput, List<Proposal>> byDoc(Map<String, List<Proposal>> m) {
    return in -> m.getOrDefault(in.sourceId(), List.of());
  }

  @Test
  void perfectPredictionsScoreOne() throws IOException {
    Report r =
        Evaluation.evaluate(
            gold(DOC_A, DOC_NEG), byDoc(Map.of("a.txt", perfectA())), Counting.MULTISET);
    // the negative's gold place is missed on purpose below; here only doc A matters
    for (String kind : List.of("station_location", "host_country", "quantity", "date")) {
      assertThat(r.kind(kind).f1()).as(kind).isEqualTo(1.0);
    }
    assertThat(r.kind("attribution").truePositives()).isEqualTo(1);
    assertThat(r.kind("organization").f1()).isEqualTo(1.0);
    assertThat(r.kind("incident").f1()).isEqualTo(1.0);
    assertThat(r.kind("place").truePositives()).isEqualTo(2);
    assertThat(r.kind("place").falseNegatives()).isEqualTo(1);
    assertThat(r.documents()).isEqualTo(2);
    assertThat(r.negatives()).isEqualTo(1);
    assertThat(r.stationProposalsOnNegatives()).isZero();
  }

  @Test
  void allKindsPerfectWhenEveryDocumentIsPredicted() throws IOException {
    Report r =
        Evaluation.evaluate(
            gold(DOC_A, DOC_NEG),
            byDoc(
                Map.of(
                    "a.txt",
                    perfectA(),
                    "n.txt",
                    List.of(p(ProposalKind.PLACE, "country", "cn", "city", "fuzhou")))),
            Counting.MULTISET);
    r.kinds().forEach(k -> assertThat(k.f1()).as(k.kind()).isEqualTo(1.0));
    assertThat(r.misses()).isEmpty();
  }

  @Test
  void oneFalsePositive() throws IOException {
    List<Proposal> preds = new ArrayList<>(perfectA());
    preds.add(p(ProposalKind.STATION, "city", "Amsterdam", "country", "NL"));
    Report r = Evaluation.evaluate(gold(DOC_A), byDoc(Map.of("a.txt", preds)), Counting.MULTISET);
    var s = r.kind("station_location");
    assertThat(s.truePositives()).isEqualTo(1);
    assertThat(s.falsePositives()).isEqualTo(1);
    assertThat(s.falseNegatives()).isZero();
    assertThat(s.precision()).isEqualTo(0.5);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.f1()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
    // the same host country twice is still one host country
    assertThat(r.kind("host_country").falsePositives()).isZero();
    assertThat(r.misses())
        .containsExactly(
            new Evaluation.Miss("a.txt", "station_location", "false_positive", "Amsterdam, NL"));
  }

  @Test
  void oneFalseNegative() throws IOException {
    List<Proposal> preds = new ArrayList<>(perfectA());
    preds.removeIf(x -> x.kind() == ProposalKind.QUANTITY);
    Report r = Evaluation.evaluate(gold(DOC_A), byDoc(Map.of("a.txt", preds)), Counting.MULTISET);
    var q = r.kind("quantity");
    assertThat(q.truePositives()).isZero();
    assertThat(q.falseNegatives()).isEqualTo(1);
    assertThat(q.precision()).isEqualTo(1.0); // nothing predicted, nothing wrong
    assertThat(q.recall()).isZero();
    assertThat(q.f1()).isZero();
  }

  @Test
  void wrongQualifierIsBothAFalsePositiveAndAFalseNegative() throws IOException {
    List<Proposal> preds = new ArrayList<>(perfectA());
    preds.removeIf(x -> x.kind() == ProposalKind.QUANTITY);
    preds.add(p(ProposalKind.QUANTITY, "value", "102", "unit", "station", "qualifier", "exact"));
    Report r = Evaluation.evaluate(gold(DOC_A), byDoc(Map.of("a.txt", preds)), Counting.MULTISET);
    assertThat(r.kind("quantity").falsePositives()).isEqualTo(1);
    assertThat(r.kind("quantity").falseNegatives()).isEqualTo(1);
  }

  @Test
  void emptyGoldAndEmptyPredictionsScoreOne() throws IOException {
    Report r = Evaluation.evaluate(gold(), in -> List.of(), Counting.MULTISET);
    assertThat(r.documents()).isZero();
    r.kinds()
        .forEach(
            k -> {
              assertThat(k.precision()).isEqualTo(1.0);
              assertThat(k.recall()).isEqualTo(1.0);
              assertThat(k.f1()).isEqualTo(1.0);
            });
  }

  @Test
  void stationsOnNegativesAreCountedAndAreFalsePositives() throws IOException {
    Report r =
        Evaluation.evaluate(
            gold(DOC_NEG),
            byDoc(
                Map.of(
                    "n.txt",
                    List.of(
                        p(ProposalKind.STATION, "city", "Fuzhou", "country", "CN"),
                        p(ProposalKind.STATION, "city", "Fuzhou", "country", "CN")))),
            Counting.MULTISET);
    assertThat(r.stationProposalsOnNegatives()).isEqualTo(2);
    assertThat(r.kind("station_location").falsePositives()).isEqualTo(2);
    assertThat(r.kind("station_location").precision()).isZero();
    assertThat(r.kind("station_location").recall()).isEqualTo(1.0);
  }

  @Test
  void attributionNeedsSameOriginAndLength() throws IOException {
    List<Proposal> preds = new ArrayList<>(perfectA());
    preds.removeIf(x -> x.kind() == ProposalKind.ATTRIBUTION);
    preds.add(p(ProposalKind.ATTRIBUTION, "chain", "Safeguard Defenders"));
    preds.add(p(ProposalKind.ATTRIBUTION, "chain", "Wire > Safeguard Defenders"));
    Report r = Evaluation.evaluate(gold(DOC_A), byDoc(Map.of("a.txt", preds)), Counting.MULTISET);
    assertThat(r.kind("attribution").truePositives()).isZero();
    assertThat(r.kind("attribution").falsePositives()).isEqualTo(2);
    assertThat(r.kind("attribution").falseNegatives()).isEqualTo(1);
  }

  @Test
  void repeatedPredictionsCountUnlessDistinct() throws IOException {
    List<Proposal> preds = new ArrayList<>(perfectA());
    preds.add(p(ProposalKind.PLACE, "country", "NL", "placeKind", "country"));
    Path g = gold(DOC_A);
    Report multi = Evaluation.evaluate(g, byDoc(Map.of("a.txt", preds)), Counting.MULTISET);
    Report distinct = Evaluation.evaluate(g, byDoc(Map.of("a.txt", preds)), Counting.DISTINCT);
    assertThat(multi.kind("place").falsePositives()).isEqualTo(1);
    assertThat(distinct.kind("place").falsePositives()).isZero();
    assertThat(distinct.counting()).isEqualTo("distinct");
  }

  @Test
  void reportPrintsAsTableAndJson() throws IOException {
    Report r =
        Evaluation.evaluate(gold(DOC_A), byDoc(Map.of("a.txt", perfectA())), Counting.MULTISET);
    assertThat(r.toText()).contains("station_location").contains("1.000");
    var tree = new ObjectMapper().readTree(r.toJson());
    assertThat(tree.get("kinds").get(0).get("kind").asText()).isEqualTo("station_location");
    assertThat(tree.get("stationProposalsOnNegatives").asInt()).isZero();
  }

  @Test
  void misspeltGoldKeyIsAnError() throws IOException {
    Path g = gold("{\"doc\":\"a.txt\",\"language\":\"en\",\"station\":[]}");
    assertThatThrownBy(() -> Evaluation.readGold(g))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }
}
