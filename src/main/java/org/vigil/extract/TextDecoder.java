package org.vigil.extract;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Turns bytes of unknown encoding into text. Order of evidence: a byte-order mark, then the
 * declared charsets in the order given (HTTP header, then {@code <meta charset>}), then the bytes
 * themselves: UTF-16 without a mark (zero bytes on one side), valid UTF-8, ICU's statistical
 * detector. A declared charset the bytes contradict is ignored with a warning.
 */
final class TextDecoder {
  /**
   * Broken UTF-8 is repaired (bad sequences → U+FFFD, with a warning) only when it is rare: at most
   * one bad sequence per 1,000 bytes and never more than 16. A short text gets no tolerance at all,
   * because there a single bad byte is as likely a wrong guess as damage.
   */
  private static final int BYTES_PER_TOLERATED_ERROR = 1_000;

  private static final int MAX_TOLERATED_ERRORS = 16;

  record Decoded(String text, String charset, List<String> warnings) {}

  private TextDecoder() {}

  static Decoded decode(byte[] bytes, List<String> declared) {
    List<String> warnings = new ArrayList<>();
    Decoded bom = byBom(bytes);
    if (bom != null) {
      return bom;
    }
    for (String name : declared) {
      Charset cs = charset(name);
      if (cs == null) {
        warnings.add("declared charset '" + name + "' is unknown; ignored");
        continue;
      }
      if (cs.equals(StandardCharsets.UTF_8)) {
        return utf8(bytes, warnings);
      }
      String text = strict(bytes, 0, cs);
      if (text != null) {
        return new Decoded(text, cs.name(), warnings);
      }
      warnings.add("declared charset " + cs.name() + " does not fit the bytes; detected instead");
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      String text = strict(bytes, 0, utf16);
      if (text != null) {
        return new Decoded(text, utf16.name(), warnings);
      }
    }
    Utf8Scan scan = Utf8Scan.of(bytes);
    if (scan.invalid() == 0 || scan.invalid() < scan.validMultibyte()) {
      // valid UTF-8, or UTF-8 with damage: other charsets rarely form valid multibyte runs
      return utf8(bytes, warnings);
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    for (CharsetMatch match : detector.detectAll()) {
      Charset cs = charset(match.getName());
      if (cs == null) {
        continue;
      }
      String text = strict(bytes, 0, cs);
      if (text != null) {
        return new Decoded(text, cs.name(), warnings);
      }
    }
    return utf8(bytes, warnings);
  }

  private static @Nullable Decoded byBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return lenient(b, 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return lenient(b, 2, StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return lenient(b, 2, StandardCharsets.UTF_16LE);
    }
    return null;
  }

  private static Decoded lenient(byte[] b, int offset, Charset cs) {
    List<String> warnings = new ArrayList<>();
    String text = strict(b, offset, cs);
    if (text == null) {
      text = new String(b, offset, b.length - offset, cs);
      warnings.add("invalid " + cs.name() + " sequences replaced after the byte-order mark");
    }
    return new Decoded(text, cs.name(), warnings);
  }

  /** UTF-8, repaired when damage is rare, refused otherwise. */
  private static Decoded utf8(byte[] bytes, List<String> warnings) {
    Utf8Scan scan = Utf8Scan.of(bytes);
    if (scan.invalid() == 0) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8", warnings);
    }
    long tolerated = Math.min(MAX_TOLERATED_ERRORS, bytes.length / BYTES_PER_TOLERATED_ERROR);
    if (scan.invalid() > tolerated) {
      throw VigilException.item(
          ErrorCode.INVALID_ENCODING,
          "invalid UTF-8: "
              + scan.invalid()
              + " malformed byte sequence(s), the first at byte offset "
              + scan.firstInvalidOffset()
              + ", and no other charset fits the bytes");
    }
    List<String> w = new ArrayList<>(warnings);
    w.add(
        scan.invalid()
            + " invalid UTF-8 byte sequence(s) replaced, the first at byte offset "
            + scan.firstInvalidOffset());
    return new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8", w);
  }

  /**
   * Realistic text in UTF-16 without a mark still has ASCII (digits, spaces, line ends), whose high
   * byte is zero: zeros on odd offsets mean little-endian, on even offsets big-endian.
   */
  /**
   * Whether bytes Tika calls binary are in fact text in a legacy multibyte encoding (GBK, Big5,
   * Shift_JIS lack the magic Tika looks for): they must decode in some charset to text with almost
   * no control characters. Random bytes decode to many.
   */
  static boolean looksLikeText(byte[] b) {
    if (looksLikeUtf16(b)) {
      return true;
    }
    for (byte x : b) {
      if (x == 0) {
        return false;
      }
    }
    String text;
    try {
      text = decode(b, List.of()).text();
    } catch (VigilException e) {
      // damaged UTF-8 is still text: the extractor reports where it breaks
      Utf8Scan scan = Utf8Scan.of(b);
      return scan.validMultibyte() > scan.invalid();
    }
    int odd = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control =
          Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f';
      if (control || c == '\uFFFD' || Character.getType(c) == Character.PRIVATE_USE) {
        odd++;
      }
    }
    return odd * 200 <= text.length();
  }

  static boolean looksLikeUtf16(byte[] b) {
    return utf16WithoutBom(b) != null;
  }

  private static @Nullable Charset utf16WithoutBom(byte[] b) {
    if (b.length < 4 || b.length % 2 != 0) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < b.length; i += 2) {
      evenZeros += b[i] == 0 ? 1 : 0;
      oddZeros += b[i + 1] == 0 ? 1 : 0;
    }
    int pairs = b.length / 2;
    if (oddZeros * 20 >= pairs && evenZeros * 10 <= oddZeros) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros * 20 >= pairs && oddZeros * 10 <= evenZeros) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  static @Nullable String strict(byte[] b, int offset, Charset cs) {
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer out = decoder.decode(ByteBuffer.wrap(b, offset, b.length - offset));
      return out.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Java's charset for a declared or detected name. ISO-8859-1 and US-ASCII labels mean
   * windows-1252, as browsers treat them: pages so labelled use its curly quotes and dashes.
   */
  static @Nullable Charset charset(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
    switch (n) {
      case "iso-8859-1":
      case "latin1":
      case "us-ascii":
      case "ascii":
        n = "windows-1252";
        break;
      case "gb2312":
      case "gbk":
      case "x-gbk":
        n = "GB18030"; // a superset: GBK-labelled pages often use GB18030-only characters
        break;
      case "utf8":
        n = "utf-8";
        break;
      default:
        break;
    }
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** How a byte sequence fares as UTF-8. */
  record Utf8Scan(int validMultibyte, int invalid, long firstInvalidOffset) {
    static Utf8Scan of(byte[] b) {
      int valid = 0;
      int invalid = 0;
      long first = -1;
      int i = 0;
      while (i < b.length) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
          i++;
          continue;
        }
        int need;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
          need = 1;
          min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
          need = 2;
          min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
          need = 3;
          min = 0x10000;
        } else {
          need = -1;
          min = 0;
        }
        boolean ok = need > 0 && i + need < b.length;
        int cp = need > 0 ? c & (0x3F >> need) : 0;
        if (ok) {
          for (int k = 1; k <= need; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
              ok = false;
              break;
            }
            cp = (cp << 6) | (cc & 0x3F);
          }
        }
        ok = ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        if (ok) {
          valid++;
          i += need + 1;
        } else {
          if (first < 0) {
            first = i;
          }
          invalid++;
          i++;
        }
      }
      return new Utf8Scan(valid, invalid, first);
    }
  }
}
