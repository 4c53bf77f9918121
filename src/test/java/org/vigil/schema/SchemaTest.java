package org.vigil.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class SchemaTest {
  private final Schema schema = Schema.standard();

  @Test
  void loadsEveryRecordTypeWithTestimonySealed() {
    assertThat(schema.types())
        .extracting(RecordType::name)
        .containsExactly(
            "station",
            "organization",
            "place",
            "person",
            "incident",
            "response",
            "claim",
            "testimony");
    assertThat(schema.type("testimony").sealed()).isTrue();
    assertThat(schema.type("station").sealed()).isFalse();
  }

  @Test
  void stationPropertiesKeepTheirDeclaredOrderAndRefs() {
    RecordType station = schema.type("station");
    assertThat(station.predicates())
        .startsWith("name", "located_in", "country", "address", "operated_by", "hosted_by");
    assertThat(station.property("located_in").orElseThrow().refTypes()).containsExactly("place");
    assertThat(station.property("operated_by").orElseThrow().type()).isEqualTo(PropertyType.ENTITY);
    assertThat(station.property("name").orElseThrow().multi()).isTrue();
    assertThat(station.label("zh")).isEqualTo("海外警务服务站");
    assertThat(schema.type("response").property("concerns").orElseThrow().refTypes())
        .containsExactly("station", "incident");
  }

  @Test
  void vocabularyLabelsComeInEnglishSimplifiedAndTraditionalChinese() {
    Vocabulary tactic = schema.vocabulary("tactic");
    assertThat(tactic.codes()).hasSize(15).contains("persuasion_to_return", "spyware");
    assertThat(tactic.label("persuasion_to_return", "en")).isEqualTo("Persuasion to return");
    assertThat(tactic.label("persuasion_to_return", "zh-Hans")).isEqualTo("劝返");
    assertThat(tactic.label("persuasion_to_return", "zh-Hant")).isEqualTo("勸返");
    assertThat(tactic.label("persuasion_to_return", "zh-TW")).isEqualTo("勸返");
    assertThat(tactic.label("persuasion_to_return", "fr")).isEqualTo("Persuasion to return");
    assertThat(schema.vocabulary("organization_kind").label("public_security_bureau", "zh"))
        .isEqualTo("公安局");
    assertThat(schema.vocabulary("claim_status").codes())
        .containsExactly(
            "proposed", "alleged", "corroborated", "confirmed", "disputed", "retracted");
    assertThat(schema.vocabulary("date_precision").codes())
        .containsExactly("day", "month", "year", "range", "unknown");
    assertThat(schema.vocabulary("source_kind").codes()).hasSize(8);
    assertThat(schema.vocabulary("response_kind").codes()).hasSize(6);
  }

  @Test
  void claimStatusEnumMatchesTheVocabulary() {
    assertThat(schema.vocabulary("claim_status").codes())
        .containsExactlyElementsOf(
            java.util.Arrays.stream(ClaimStatus.values()).map(ClaimStatus::code).toList());
  }

  @Test
  void unknownCodeIsRefusedNamingTheVocabulary() {
    assertThatThrownBy(() -> schema.vocabulary("tactic").require("kidnap"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("'kidnap' is not a tactic code")
        .hasMessageContaining("assassination");
    assertThatThrownBy(() -> schema.type("station").requirePredicate("tactic"))
        .hasMessageContaining("a station has no 'tactic'");
  }

  @Test
  void refusesAReferenceToAnUnknownType() {
    String json =
        """
        {"vocabularies": [], "types": [{"name": "station", "en": "Station", "properties": [
          {"name": "located_in", "type": "entity", "ref": ["plaice"], "en": "Place"}]}]}
        """;
    assertThatThrownBy(() -> Schema.parse(json))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("station.located_in refers to unknown record type 'plaice'")
        .extracting(e -> ((VigilException) e).code())
        .isEqualTo(ErrorCode.CONFIGURATION);
  }

  @Test
  void refusesDuplicateCodesInAVocabulary() {
    String json =
        """
        {"vocabularies": [{"name": "tactic", "labels": {"en": "Tactic"}, "terms": [
          {"code": "assault", "en": "Assault"}, {"code": "assault", "en": "Assault again"}]}],
         "types": []}
        """;
    assertThatThrownBy(() -> Schema.parse(json))
        .hasMessageContaining("vocabulary 'tactic' has duplicate code 'assault'");
  }

  @Test
  void refusesAnUnknownVocabularyAndDuplicateTypes() {
    String unknownVocabulary =
        """
        {"vocabularies": [], "types": [{"name": "incident", "en": "Incident", "properties": [
          {"name": "tactic", "type": "vocabulary", "vocabulary": "tactics", "en": "Tactic"}]}]}
        """;
    assertThatThrownBy(() -> Schema.parse(unknownVocabulary))
        .hasMessageContaining("incident.tactic uses unknown vocabulary 'tactics'");
    String duplicateType =
        """
        {"types": [{"name": "place", "properties": []}, {"name": "place", "properties": []}]}
        """;
    assertThatThrownBy(() -> Schema.parse(duplicateType))
        .hasMessageContaining("duplicate record type 'place'");
  }
}
