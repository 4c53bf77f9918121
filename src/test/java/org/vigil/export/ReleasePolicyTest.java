package org.vigil.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class ReleasePolicyTest {
  static VigilException refused(String json) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ReleasePolicy.parse(json));
    assertThat(t).isInstanceOf(VigilException.class);
    VigilException e = (VigilException) t;
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    return e;
  }

  @Test
  void unknownFieldIsRefusedNamingIt() {
    VigilException e = refused("{\"name\": \"r\", \"incidentPlaces\": \"city\"}");
    assertThat(e.fieldProblems()).containsOnlyKeys("incidentPlaces");
    assertThat(e.getMessage()).contains("incidentPlaces").contains("unknown field");
  }

  @Test
  void invalidValuesAreRefusedOneProblemPerField() {
    VigilException e =
        refused(
            """
            {"name": "", "incidentPlace": "street", "incidentDate": "hour",
             "statuses": ["proposed", "confirmed"], "recordTypes": ["testimony"],
             "includeSourceUrls": "yes", "dropProperties": ["station.nonsense"]}
            """);
    assertThat(e.fieldProblems())
        .containsOnlyKeys(
            "name",
            "incidentPlace",
            "incidentDate",
            "statuses",
            "recordTypes",
            "includeSourceUrls",
            "dropProperties");
    assertThat(e.fieldProblems().get("incidentPlace")).contains("exact, city, country");
    assertThat(e.fieldProblems().get("statuses")).contains("'proposed' cannot be published");
    assertThat(e.fieldProblems().get("recordTypes")).contains("'testimony'");
  }

  @Test
  void notJsonOrNotAnObjectIsRefused() {
    assertThat(refused("{nope").fieldProblems()).containsKey("policy");
    assertThat(refused("[1]").fieldProblems()).containsKey("policy");
    assertThat(refused("{\"name\": \"r\", \"statuses\": []}").fieldProblems())
        .containsKey("statuses");
  }

  @Test
  void omittedFieldsTakeTheProtectiveDefaults() {
    ReleasePolicy p = ReleasePolicy.parse("{\"name\": \"minimal\"}");
    assertThat(p.incidentPlace()).isEqualTo(ReleasePolicy.PlacePrecision.COUNTRY);
    assertThat(p.incidentDate()).isEqualTo(ReleasePolicy.DatePrecisionLimit.YEAR);
    assertThat(p.statuses()).containsExactlyInAnyOrder("corroborated", "confirmed");
    assertThat(p.recordTypes()).doesNotContain("testimony", "claim").contains("incident");
  }

  @Test
  void theSchemaDeclaresTheTargetDescriptionSensitive() {
    var incident = org.vigil.schema.Schema.standard().type("incident");
    assertThat(incident.property("target").orElseThrow().sensitive()).isTrue();
    assertThat(incident.property("tactic").orElseThrow().sensitive()).isFalse();
  }

  @Test
  void theSamplePolicyIsValid() throws Exception {
    Path sample = Path.of("docs/release-policy.json");
    ReleasePolicy p = ReleasePolicy.parse(Files.readString(sample));
    assertThat(p.name()).isNotBlank();
    assertThatThrownBy(() -> ReleasePolicy.parse("{}"))
        .isInstanceOf(VigilException.class)
        .hasMessageContaining("name");
  }
}
