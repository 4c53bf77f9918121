package org.vigil.web.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.web.sources.TextSegments.Mark;

class TextSegmentsTest {
  private static final String TEXT = "The bureau opened a station in Rotterdam in 2018.";

  private static Mark proposal(String id, int start, int end) {
    return new Mark(Mark.Kind.PROPOSAL, id, start, end, "station");
  }

  private static Mark claim(String id, int start, int end) {
    return new Mark(Mark.Kind.CLAIM, id, start, end, "located_in");
  }

  @Test
  void segmentsConcatenateToTheTextAndKeepExactOffsets() {
    List<SourcePageView.Segment> segs =
        TextSegments.split(TEXT, List.of(proposal("p1", 4, 30), claim("c1", 20, 40)));
    StringBuilder all = new StringBuilder();
    for (SourcePageView.Segment s : segs) {
      assertThat(s.text()).isEqualTo(TEXT.substring(s.start(), s.end()));
      assertThat(s.start()).isEqualTo(all.length());
      all.append(s.text());
    }
    assertThat(all.toString()).isEqualTo(TEXT);
  }

  @Test
  void overlappingMarksSplitIntoSegmentsCarryingEveryCoveringId() {
    List<SourcePageView.Segment> segs =
        TextSegments.split(
            TEXT, List.of(proposal("p1", 4, 30), claim("c1", 20, 40), proposal("p2", 20, 26)));
    assertThat(segs)
        .extracting(SourcePageView.Segment::start, SourcePageView.Segment::end)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 4),
            org.assertj.core.groups.Tuple.tuple(4, 20),
            org.assertj.core.groups.Tuple.tuple(20, 26),
            org.assertj.core.groups.Tuple.tuple(26, 30),
            org.assertj.core.groups.Tuple.tuple(30, 40),
            org.assertj.core.groups.Tuple.tuple(40, TEXT.length()));
    SourcePageView.Segment both = segs.get(2);
    assertThat(both.proposalIds()).containsExactly("p1", "p2");
    assertThat(both.claimIds()).containsExactly("c1");
    assertThat(both.cssClass()).isEqualTo("proposal claim");
    assertThat(segs.get(0).marked()).isFalse();
    assertThat(segs.get(4).cssClass()).isEqualTo("claim");
    assertThat(segs.get(1).cssClass()).isEqualTo("proposal");
  }

  @Test
  void marksOutsideTheTextOrEmptyAreLeftOut() {
    List<SourcePageView.Segment> segs =
        TextSegments.split(
            "short", List.of(proposal("p1", 2, 99), claim("c1", 3, 3), proposal("p2", -1, 2)));
    assertThat(segs).hasSize(1);
    assertThat(segs.get(0).marked()).isFalse();
    assertThat(TextSegments.split("", List.of(proposal("p1", 0, 0)))).isEmpty();
  }

  @Test
  void unsafeUploadNamesLoseTheirFoldersAndDotNamesAreRefused() {
    assertThat(CaptureJobs.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(CaptureJobs.safeName("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
    assertThat(CaptureJobs.safeName("/abs/path/report.pdf")).isEqualTo("report.pdf");
    assertThat(CaptureJobs.safeName("报告\u0000.txt")).isEqualTo("报告.txt");
    assertThat(CaptureJobs.safeName("..")).isNull();
    assertThat(CaptureJobs.safeName("a/..")).isNull();
    assertThat(CaptureJobs.safeName("dir/")).isNull();
    assertThat(CaptureJobs.safeName(" ")).isNull();
  }

  @Test
  void onlyHttpAddressesBecomeLinks() {
    assertThat(SourcePages.linkable("https://example.org/a?b=c"))
        .isEqualTo("https://example.org/a?b=c");
    assertThat(SourcePages.linkable("javascript:alert(1)")).isNull();
    assertThat(SourcePages.linkable(" JavaScript:alert(1)")).isNull();
    assertThat(SourcePages.linkable("data:text/html,<script>")).isNull();
    assertThat(SourcePages.linkable("http:/no-host")).isNull();
  }
}
