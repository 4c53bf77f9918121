package org.vigil.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceSpanTest {
  static final String TEXT =
      "Police said a station in Rotterdam opened in 2018. The station in Rotterdam closed.";

  @Test
  void aSpanStaysWhereItsQuoteStillIs() {
    SourceSpan s = SourceSpan.of("abcd", TEXT, 25, 34);
    assertThat(s.quote()).isEqualTo("Rotterdam");
    assertThat(s.reanchor(TEXT)).contains(s);
  }

  @Test
  void aSpanMovesToTheNearestOccurrenceWhenTheTextShifted() {
    int second = TEXT.lastIndexOf("Rotterdam");
    SourceSpan s = SourceSpan.of("abcd", TEXT, second, second + 9);
    String shifted = "Ad. " + TEXT; // a boilerplate line the old extraction missed
    SourceSpan moved = s.reanchor(shifted).orElseThrow();
    assertThat(moved.start()).isEqualTo(second + 4);
    assertThat(shifted.substring(moved.start(), moved.end())).isEqualTo("Rotterdam");
  }

  @Test
  void aSpanWhoseWordsAreGoneCannotBeReanchored() {
    SourceSpan s = SourceSpan.of("abcd", TEXT, 25, 34);
    assertThat(s.reanchor("A different text entirely.")).isEmpty();
  }

  @Test
  void aQuoteMustMatchItsOffsets() {
    assertThatThrownBy(() -> new SourceSpan("abcd", 0, 3, "four"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
