package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Every registered extractor, handed awkward bytes directly (past detection): it returns a result
 * or fails with a VigilException of kind ITEM, never anything else.
 */
class ExtractorContractTest {
  private static final ExtractionLimits LIMITS = ExtractionLimits.defaults();
  private static final Map<Class<?>, String> MEDIA_TYPE =
      Map.of(
          HtmlExtractor.class, "text/html",
          JsonExtractor.class, "application/json",
          PlainTextExtractor.class, "text/plain",
          TikaExtractor.class, "application/pdf");

  static Stream<Arguments> cases() {
    byte[] random = new byte[2048];
    new Random(7).nextBytes(random);
    byte[] pdf = TestDocuments.pdf(TestDocuments.REPORT, false);
    Map<String, byte[]> inputs =
        Map.of(
            "empty", new byte[0],
            "random", random,
            "truncated pdf", Arrays.copyOf(pdf, pdf.length / 3),
            "chinese", "海外警务服务站：同乡会否认与警方有关".getBytes(StandardCharsets.UTF_8),
            "json array", "[]".getBytes(StandardCharsets.UTF_8),
            "unclosed markup", "<html><body><div><p>{\"a\":".getBytes(StandardCharsets.UTF_8));
    List<Extractor> extractors = Extractors.standard(LIMITS).extractors();
    return extractors.stream()
        .flatMap(
            x ->
                inputs.entrySet().stream()
                    .map(
                        in ->
                            Arguments.of(
                                x.getClass().getSimpleName(), in.getKey(), x, in.getValue())));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void returnsAResultOrAnItemError(String name, String input, Extractor extractor, byte[] bytes) {
    String mediaType = MEDIA_TYPE.get(extractor.getClass());
    assertThat(extractor.accepts(mediaType)).isTrue();
    Throwable thrown =
        catchThrowable(() -> extractor.extract(bytes, mediaType, DocumentHints.none(), LIMITS));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(VigilException.class);
      assertThat(((VigilException) thrown).code().kind()).isEqualTo(ErrorCode.Kind.ITEM);
      assertThat(thrown.getMessage()).isNotBlank();
    }
  }
}
