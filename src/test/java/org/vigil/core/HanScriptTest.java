package org.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

class HanScriptTest {
  static final String TRADITIONAL =
      "據當地媒體報道，一個同鄉會的辦公室被指作為某縣公安局的海外警務服務站運作，協助辦理駕照更新等業務。" + "多國政府已經展開調查，議員要求政府說明勸返行動的情況。";

  @Test
  void agreesWithIcuOnRunningText() {
    String icu = Transliterator.getInstance("Traditional-Simplified").transliterate(TRADITIONAL);
    assertThat(HanScript.toSimplified(TRADITIONAL)).isEqualTo(icu);
    assertThat(icu).contains("警务服务站").contains("劝返").contains("同乡会");
  }

  @Test
  void roundTripsThroughTraditional() {
    String simplified = HanScript.toSimplified(TRADITIONAL);
    assertThat(HanScript.toSimplified(HanScript.toTraditional(simplified))).isEqualTo(simplified);
    assertThat(HanScript.toTraditional("警务服务站")).isEqualTo("警務服務站");
  }

  @Test
  void leavesOtherTextAndTheSharedCharacterAlone() {
    String s = "Rotterdam 2022 — 著名 ñ 𠀋";
    assertThat(HanScript.toSimplified(s)).isEqualTo(s);
    assertThat(HanScript.isTraditionalForm("國".codePointAt(0))).isTrue();
    assertThat(HanScript.isSimplifiedForm("国".codePointAt(0))).isTrue();
    assertThat(HanScript.isTraditionalForm("公".codePointAt(0))).isFalse();
  }
}
