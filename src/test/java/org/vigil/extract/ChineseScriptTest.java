package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChineseScriptTest {
  @Test
  void convertsTraditionalToSimplifiedAndLeavesTheRest() {
    assertThat(ChineseScript.toSimplified("海外警務服務站 in Rotterdam, 2022"))
        .isEqualTo("海外警务服务站 in Rotterdam, 2022");
    assertThat(ChineseScript.toSimplified("")).isEmpty();
  }

  @Test
  void isSafeToCallFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> calls =
          IntStream.range(0, 200)
              .<Callable<String>>mapToObj(i -> () -> ChineseScript.toSimplified("僑胞與同鄉會" + i))
              .toList();
      for (Future<String> f : pool.invokeAll(calls)) {
        assertThat(f.get()).startsWith("侨胞与同乡会");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
