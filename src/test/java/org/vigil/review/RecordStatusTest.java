package org.vigil.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.schema.ClaimStatus.ALLEGED;
import static org.vigil.schema.ClaimStatus.CONFIRMED;
import static org.vigil.schema.ClaimStatus.CORROBORATED;
import static org.vigil.schema.ClaimStatus.DISPUTED;
import static org.vigil.schema.ClaimStatus.PROPOSED;
import static org.vigil.schema.ClaimStatus.RETRACTED;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.Stamp;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;

class RecordStatusTest {
  static final RecordType STATION = Schema.standard().type("station");
  static final Stamp AT = new Stamp("t", Instant.parse("2026-01-01T00:00:00Z"));
  int n;

  Claim claim(String predicate, ClaimStatus status) {
    return new Claim(
        "claim:" + n++, "station:a", predicate, new ClaimObject.Text("x"), status, 1, AT, AT);
  }

  ClaimStatus derive(Claim... claims) {
    return RecordStatus.derive(STATION, List.of(claims), ALLEGED);
  }

  @Test
  void stationsAreDefinedByTheirCityAndCountry() {
    assertThat(STATION.defining()).containsExactly("located_in", "country");
  }

  @Test
  void strongestDefiningClaimWinsAndOtherPropertiesDoNotCount() {
    assertThat(derive(claim("located_in", ALLEGED), claim("country", CORROBORATED)))
        .isEqualTo(CORROBORATED);
    assertThat(derive(claim("located_in", ALLEGED), claim("operated_by", CONFIRMED)))
        .isEqualTo(ALLEGED);
  }

  @Test
  void aDisputedCompetingCityDoesNotPullAConfirmedStationDown() {
    assertThat(derive(claim("located_in", CONFIRMED), claim("located_in", DISPUTED)))
        .isEqualTo(CONFIRMED);
  }

  @Test
  void disputedWhenEveryStandingDefiningClaimIsDisputed() {
    assertThat(derive(claim("located_in", DISPUTED), claim("country", RETRACTED)))
        .isEqualTo(DISPUTED);
    assertThat(derive(claim("located_in", DISPUTED), claim("operated_by", CONFIRMED)))
        .isEqualTo(DISPUTED);
  }

  @Test
  void retractedWhenEveryDefiningClaimIsRetracted() {
    assertThat(derive(claim("located_in", RETRACTED), claim("country", RETRACTED)))
        .isEqualTo(RETRACTED);
  }

  @Test
  void withoutDefiningClaimsAllClaimsCountAndWithoutClaimsTheStoredStatusStays() {
    assertThat(derive(claim("name", PROPOSED), claim("operated_by", CORROBORATED)))
        .isEqualTo(CORROBORATED);
    assertThat(RecordStatus.derive(STATION, List.of(), CONFIRMED)).isEqualTo(CONFIRMED);
  }
}
