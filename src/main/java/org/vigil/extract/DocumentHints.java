package org.vigil.extract;

import org.jspecify.annotations.Nullable;

/**
 * What the capture knows about an original besides its bytes: the file name, and for URLs and WARC
 * records the declared media type and charset and the address. All optional: the bytes decide when
 * hints and bytes disagree.
 */
public record DocumentHints(
    @Nullable String fileName,
    @Nullable String declaredMediaType,
    @Nullable String declaredCharset,
    @Nullable String url) {

  public static DocumentHints none() {
    return new DocumentHints(null, null, null, null);
  }

  public static DocumentHints ofFileName(String fileName) {
    return new DocumentHints(fileName, null, null, null);
  }
}
