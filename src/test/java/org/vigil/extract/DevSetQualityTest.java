package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality targets of the record issue, measured by the real proposers on the annotated
 * development set (figures in docs/quality.md). A rule change that costs quality fails here.
 */
class DevSetQualityTest {
  static Evaluation.Report report;

  @BeforeAll
  static void evaluate() {
    Proposers proposers = Proposers.standard(Gazetteer.standard());
    report =
        Evaluation.evaluate(
            Path.of("src/test/resources/devset/gold.jsonl"),
            proposers::propose,
            Evaluation.Counting.DISTINCT);
  }

  @Test
  void stationLocationsAndHostCountriesReachF1OfAtLeast085() {
    assertThat(report.kind("station_location").f1()).isGreaterThanOrEqualTo(0.85);
    assertThat(report.kind("host_country").f1()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void quantitiesAndAttributionsReachF1OfAtLeast08() {
    assertThat(report.kind("quantity").f1()).isGreaterThanOrEqualTo(0.8);
    assertThat(report.kind("attribution").f1()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void stationTargetsHoldOnTheHeldOutSetWrittenBlindToTheRules() {
    Proposers proposers = Proposers.standard(Gazetteer.standard());
    Evaluation.Report heldOut =
        Evaluation.evaluate(
            Path.of("src/test/resources/heldout/gold.jsonl"),
            proposers::propose,
            Evaluation.Counting.DISTINCT);
    assertThat(heldOut.kind("station_location").f1()).isGreaterThanOrEqualTo(0.85);
    assertThat(heldOut.kind("host_country").f1()).isGreaterThanOrEqualTo(0.85);
    // The held-out set has since been read for error kinds (docs/quality.md), so this is no
    // longer a blind figure; it still guards the fix for sentences before any station report.
    assertThat(heldOut.stationProposalsOnNegatives()).isZero();
  }

  @Test
  void noStationIsProposedOnANegativePage() {
    assertThat(report.negatives()).isGreaterThanOrEqualTo(12);
    assertThat(report.stationProposalsOnNegatives()).isZero();
  }
}
