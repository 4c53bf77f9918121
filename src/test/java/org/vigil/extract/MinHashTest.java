package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {
  private static final String STORY =
      "Investigators in the host country said on Tuesday that a community centre run by a"
          + " hometown association had served as an unofficial police service station for a county"
          + " bureau. The association denied the claims. Officials said the inquiry covered the"
          + " years 2021 and 2022 and that no arrests had been made. A spokesperson for the"
          + " association said it offered only help with driving licence renewals for members.";

  @Test
  void identicalTextsHaveIdenticalFingerprints() {
    MinHash.Fingerprint a = MinHash.of(STORY);
    MinHash.Fingerprint b = MinHash.of(STORY);
    assertThat(a.textHash()).isEqualTo(b.textHash());
    assertThat(MinHash.similarity(a.signature(), b.signature())).isEqualTo(1.0);
    assertThat(a.bandKeys()).containsExactly(b.bandKeys());
  }

  @Test
  void caseSpacingAndPunctuationDoNotChangeTheTextHash() {
    String variant =
        STORY.toUpperCase(java.util.Locale.ROOT).replace(" ", "   ").replace(".", " .");
    assertThat(MinHash.of(variant).textHash()).isEqualTo(MinHash.of(STORY).textHash());
  }

  @Test
  void lightlyEditedCopyIsANearDuplicate() {
    String edited =
        STORY.replace("on Tuesday", "this week").replace("no arrests", "no arrest")
            + " The story was updated with comment.";
    double sim = MinHash.similarity(MinHash.of(STORY).signature(), MinHash.of(edited).signature());
    assertThat(sim).isGreaterThanOrEqualTo(MinHash.NEAR_DUPLICATE);
  }

  @Test
  void unrelatedTextsAreFarApart() {
    String other =
        "The city council approved a new budget for road repairs and two libraries after a long"
            + " debate about parking fees, bus lanes and the opening hours of public swimming pools"
            + " during the summer holidays, according to the minutes published on Friday.";
    double sim = MinHash.similarity(MinHash.of(STORY).signature(), MinHash.of(other).signature());
    assertThat(sim).isLessThan(0.1);
  }

  @Test
  void chineseIsShingledByCharacter() {
    assertThat(MinHash.units("海外警务 服务站 in Rotterdam"))
        .containsExactly("海", "外", "警", "务", "服", "务", "站", "in", "rotterdam");
    String zh = "据报道，某县公安局在海外设立了警务服务站，当地同乡会协助运营，多国已展开调查。";
    String zhEdited = "据报道，某县公安局在海外设立了警务服务站，当地同乡会参与运营，多国已展开调查。";
    assertThat(MinHash.similarity(MinHash.of(zh).signature(), MinHash.of(zhEdited).signature()))
        .isGreaterThanOrEqualTo(MinHash.NEAR_DUPLICATE);
  }

  @Test
  void nearDuplicatesShareABandKeyWithHighProbability() {
    // 20 random edits of a long text: each copy must share at least one band with the original
    Random random = new Random(7);
    String[] words = (STORY + " " + STORY.replace("association", "society")).split(" ");
    MinHash.Fingerprint original = MinHash.of(String.join(" ", words));
    for (int trial = 0; trial < 20; trial++) {
      String[] copy = words.clone();
      copy[random.nextInt(copy.length)] = "edited";
      MinHash.Fingerprint f = MinHash.of(String.join(" ", copy));
      assertThat(shareABand(original, f)).as("trial %d", trial).isTrue();
    }
  }

  @Test
  void emptyTextHasNoBandKeys() {
    assertThat(MinHash.of("  ,, ").bandKeys()).isEmpty();
    assertThat(MinHash.of("short").bandKeys()).hasSize(MinHash.BANDS);
  }

  private static boolean shareABand(MinHash.Fingerprint a, MinHash.Fingerprint b) {
    for (int i = 0; i < MinHash.BANDS; i++) {
      if (a.bandKeys()[i] == b.bandKeys()[i]) {
        return true;
      }
    }
    return false;
  }
}
