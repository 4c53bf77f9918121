package org.vigil.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Traditional ↔ simplified Chinese by character table. ICU's rule-based transliterator gave the
 * table (see {@code han-t2s.txt}); a lookup per character is two orders of magnitude faster and,
 * applied the same way to documents and to queries, makes either script find the other.
 */
public final class HanScript {
  private static final Table TO_SIMPLIFIED = Table.load("han-t2s.txt");
  private static final Table TO_TRADITIONAL = Table.load("han-s2t.txt");

  private HanScript() {}

  /** Converts traditional characters to simplified; everything else is left as it is. */
  public static String toSimplified(String text) {
    return TO_SIMPLIFIED.apply(text);
  }

  /** Converts simplified characters to traditional; everything else is left as it is. */
  public static String toTraditional(String text) {
    return TO_TRADITIONAL.apply(text);
  }

  /** Whether the character is written differently in simplified Chinese. */
  public static boolean isTraditionalForm(int codePoint) {
    return TO_SIMPLIFIED.has(codePoint);
  }

  /** Whether the character is written differently in traditional Chinese. */
  public static boolean isSimplifiedForm(int codePoint) {
    return TO_TRADITIONAL.has(codePoint);
  }

  /** A one-to-one code point mapping: an array for the BMP, a map beyond it. */
  private static final class Table {
    private final char[] bmp = new char[0x10000];
    private final Map<Integer, Integer> supplementary = new HashMap<>();

    static Table load(String resource) {
      Table t = new Table();
      try (InputStream in = HanScript.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isEmpty() || line.startsWith("#")) {
            continue;
          }
          int from = line.codePointAt(0);
          int to = line.codePointAt(Character.charCount(from));
          if (from < 0x10000 && to < 0x10000) {
            t.bmp[from] = (char) to;
          } else {
            t.supplementary.put(from, to);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return t;
    }

    boolean has(int cp) {
      return cp < 0x10000 ? bmp[cp] != 0 : supplementary.containsKey(cp);
    }

    String apply(String s) {
      char[] out = null;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
          return applySlow(s);
        }
        char m = bmp[c];
        if (m != 0) {
          if (out == null) {
            out = s.toCharArray();
          }
          out[i] = m;
        }
      }
      return out == null ? s : new String(out);
    }

    private String applySlow(String s) {
      StringBuilder b = new StringBuilder(s.length());
      s.codePoints()
          .forEach(
              cp -> {
                if (cp < 0x10000) {
                  char m = bmp[cp];
                  b.append(m != 0 ? m : (char) cp);
                } else {
                  b.appendCodePoint(supplementary.getOrDefault(cp, cp));
                }
              });
      return b.toString();
    }
  }
}
