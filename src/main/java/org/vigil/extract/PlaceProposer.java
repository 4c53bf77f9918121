package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Proposes every country and city the gazetteer finds as a PLACE. Rules and confidences:
 *
 * <ul>
 *   <li>a country name ("the Netherlands", "荷兰"): 0.9
 *   <li>a city name ("Rotterdam", "鹿特丹"): 0.8, with country, GeoNames id and coordinates
 *   <li>a country adjective ("Dutch"): 0.6, since "Dutch" may describe people, not a place
 * </ul>
 *
 * China is proposed like any other place; only the station rules treat it specially (never a host).
 */
final class PlaceProposer implements ProposalExtractor {
  private final Gazetteer gazetteer;

  PlaceProposer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public List<Proposal> propose(ProposalInput input) {
    List<Proposal> out = new ArrayList<>();
    String text = input.text();
    for (GazetteerMatch m : gazetteer.find(text)) {
      GazetteerEntry e = m.entry();
      boolean city = e.kind().equals("city");
      if (!city && !e.kind().equals("country")) {
        continue;
      }
      Fields f =
          new Fields()
              .put("name", e.nameEn())
              .put("country", e.country())
              .put("city", city ? e.nameEn() : null)
              .put("cityId", city ? e.id().substring("city:".length()) : null)
              .put("lat", e.lat())
              .put("lon", e.lon())
              .put("placeKind", city ? "city" : "country");
      double confidence = city ? 0.8 : gazetteer.isAdjective(m) ? 0.6 : 0.9;
      out.add(
          new Proposal(
              ProposalKind.PLACE,
              SourceSpan.of(input.sourceId(), text, m.start(), m.end()),
              f.map(),
              confidence));
    }
    return out;
  }
}
