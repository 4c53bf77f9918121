package org.vigil.web.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.vigil.core.Checks;

/**
 * Cuts a text into consecutive segments at every start and end of its marks, so that overlapping
 * marks become non-overlapping segments, each carrying every mark that covers it. The segments'
 * texts concatenate to exactly the input text and each keeps its [start, end) offsets into it,
 * which is what lets the page's script map a selection back to offsets.
 */
final class TextSegments {
  private TextSegments() {}

  /** A marked range of the text: a proposal or a claim's evidence. */
  record Mark(Kind kind, String id, int start, int end, String label) {
    enum Kind {
      PROPOSAL,
      CLAIM
    }

    Mark {
      Checks.notNull(kind, "kind");
      Checks.notBlank(id, "id");
      Checks.notNull(label, "label");
    }
  }

  /**
   * Splits {@code text}. Marks reaching outside the text or empty are left out (their list entry
   * beside the text still shows them); the result has no empty segment.
   */
  static List<SourcePageView.Segment> split(String text, List<Mark> marks) {
    List<Mark> valid = new ArrayList<>();
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(0);
    cuts.add(text.length());
    for (Mark m : marks) {
      if (m.start() >= 0 && m.end() <= text.length() && m.start() < m.end()) {
        valid.add(m);
        cuts.add(m.start());
        cuts.add(m.end());
      }
    }
    List<SourcePageView.Segment> out = new ArrayList<>();
    Integer from = cuts.first();
    for (Integer to : cuts.tailSet(from, false)) {
      List<String> proposals = new ArrayList<>();
      List<String> claims = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (Mark m : valid) {
        if (m.start() <= from && m.end() >= to) {
          (m.kind() == Mark.Kind.PROPOSAL ? proposals : claims).add(m.id());
          if (!labels.contains(m.label())) {
            labels.add(m.label());
          }
        }
      }
      out.add(
          new SourcePageView.Segment(
              from, to, text.substring(from, to), proposals, claims, String.join(", ", labels)));
      from = to;
    }
    return out;
  }
}
