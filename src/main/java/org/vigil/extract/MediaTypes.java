package org.vigil.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Media type detection. Tika looks at the bytes only (magic numbers, container contents): a file
 * name can lie. The name and the declared type then only refine a generic answer, e.g. text that is
 * in fact a JSON export, and explain refusals ("named .pdf, but the bytes …").
 */
final class MediaTypes {
  private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

  private MediaTypes() {}

  static String detect(byte[] bytes, DocumentHints hints, ExtractionLimits limits) {
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      // before anyone (Tika's container detector included) inflates a zip-based file
      ZipGuard.check(bytes, limits);
    }
    // Most captures are web pages: an HTML start needs no trip through Tika's magic table,
    // which costs as much as parsing the page.
    String start = startOf(bytes).toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return "text/html";
    }
    String detected;
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      detected = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
    } catch (IOException | RuntimeException e) {
      detected = "application/octet-stream";
    }
    if (detected.equals("application/octet-stream") && TextDecoder.looksLikeText(bytes)) {
      detected = "text/plain";
    }
    if (detected.equals("text/plain") || detected.startsWith("text/x-")) {
      return refineText(bytes, hints);
    }
    if (detected.equals("application/zip")) {
      throw VigilException.item(ErrorCode.UNSUPPORTED_FORMAT, describe(detected, hints));
    }
    return detected;
  }

  /** Text may be a page or a JSON export that lacks the markers Tika's magic looks for. */
  private static String refineText(byte[] bytes, DocumentHints hints) {
    String start = startOf(bytes);
    String lower = start.toLowerCase(Locale.ROOT);
    if (lower.startsWith("{") || lower.startsWith("[")) {
      return "application/json";
    }
    if (lower.startsWith("<!doctype html")
        || lower.startsWith("<html")
        || lower.contains("<body")
        || (named(hints, ".html", ".htm", ".xhtml") && lower.startsWith("<"))) {
      return "text/html";
    }
    return "text/plain";
  }

  /** The first characters after any BOM and white space, decoded loosely for sniffing. */
  private static String startOf(byte[] bytes) {
    int n = Math.min(bytes.length, 2048);
    String s;
    if (TextDecoder.looksLikeUtf16(bytes)
        || (n >= 2 && ((bytes[0] & 0xFF) == 0xFF || (bytes[0] & 0xFF) == 0xFE))) {
      s = TextDecoder.decode(java.util.Arrays.copyOf(bytes, n - n % 2), java.util.List.of()).text();
    } else {
      s = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
    return s.replace("\uFEFF", "").replace("ï»¿", "").stripLeading();
  }

  private static boolean named(DocumentHints hints, String... suffixes) {
    if (hints.fileName() == null) {
      return false;
    }
    String name = hints.fileName().toLowerCase(Locale.ROOT);
    for (String s : suffixes) {
      if (name.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the bytes hold nothing but white space (after any byte-order mark). */
  static boolean blank(byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
      boolean bomOrNul = c == 0 || c == 0xEF || c == 0xBB || c == 0xBF || c == 0xFE || c == 0xFF;
      if (!space && !bomOrNul) {
        return false;
      }
    }
    return true;
  }

  /** "the bytes look like image/png, although the name 'x.pdf' suggests application/pdf". */
  static String describe(String detected, DocumentHints hints) {
    String looks =
        detected.equals("application/octet-stream")
            ? "binary data of no known format (application/octet-stream)"
            : detected;
    StringBuilder b = new StringBuilder("unsupported format: the bytes look like ").append(looks);
    String byName = byName(hints.fileName());
    if (byName != null && !byName.equals(detected)) {
      b.append(", although the name '")
          .append(hints.fileName())
          .append("' suggests ")
          .append(byName);
    }
    if (hints.declaredMediaType() != null && !hints.declaredMediaType().startsWith(detected)) {
      b.append("; declared as ").append(hints.declaredMediaType());
    }
    return b.toString();
  }

  private static @Nullable String byName(@Nullable String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return null;
    }
    Metadata byName = new Metadata();
    byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    String t;
    try {
      t = MimeTypes.getDefaultMimeTypes().detect(null, byName).getBaseType().toString();
    } catch (IOException e) {
      return null;
    }
    return t.equals("application/octet-stream") ? null : t;
  }

  /**
   * Any zip (DOCX, ODT, EPUB, or of unknown content) that inflates both beyond 100 times its size
   * and beyond the text cap is a bomb. The inflated bytes are counted, never kept, and counting
   * stops at the first bound, so a bomb costs at most that much inflating.
   */
  static final class ZipGuard {
    /** Real archives compress text perhaps 10:1; bombs reach 1000:1. */
    private static final int MAX_RATIO = 100;

    private ZipGuard() {}

    static void check(byte[] bytes, ExtractionLimits limits) {
      long cap = Math.max(limits.maxTextChars(), (long) bytes.length * MAX_RATIO);
      // a zip that breaks off early is left to the parsers, which say what is wrong with it
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
        ZipInputStream zip = (ZipInputStream) in;
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          int n;
          while ((n = zip.read(buffer)) > 0) {
            total += n;
            if (total > cap) {
              throw VigilException.item(
                  ErrorCode.DECOMPRESSION_BOMB,
                  "zip archive of "
                      + bytes.length
                      + " bytes inflates to more than "
                      + cap
                      + " bytes (entry '"
                      + entry.getName()
                      + "')");
            }
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // not readable as a stream (e.g. data descriptors, truncation): the parser will judge
      }
    }
  }
}
