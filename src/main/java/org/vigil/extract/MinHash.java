package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.vigil.core.ContentHash;
import org.vigil.core.Text;

/**
 * Fingerprints for duplicate detection: an exact text hash, a MinHash signature over shingles of
 * the normalised text, and LSH band keys so candidates are found by lookup instead of comparing
 * every pair.
 *
 * <p>Texts are cut into units: a word for alphabetic scripts, a single character for Han, kana and
 * hangul (Chinese has no spaces). Shingles are runs of {@value #SHINGLE} units, so one edited word
 * changes only a few shingles. With {@value #BANDS} bands of {@value #ROWS} rows, pairs at Jaccard
 * 0.5 become candidates with probability ≈ 0.87 and at 0.7 ≈ 0.9997, while pairs at 0.2 almost
 * never do; candidates are then confirmed on the estimated similarity.
 */
public final class MinHash {
  public static final int BANDS = 32;
  public static final int ROWS = 4;
  public static final int SIZE = BANDS * ROWS;
  static final int SHINGLE = 4;

  /** Estimated Jaccard similarity from which two texts are the same story. */
  public static final double NEAR_DUPLICATE = 0.5;

  private static final long[] SEEDS = seeds();

  private MinHash() {}

  /** A text's fingerprint. */
  public record Fingerprint(String textHash, long[] signature, long[] bandKeys) {}

  /**
   * Fingerprints a normalised text (traditional Chinese already made simplified).
   *
   * <p>Empty text gives a signature of {@link Long#MAX_VALUE} values and no band keys, so it never
   * becomes a near-duplicate candidate.
   */
  public static Fingerprint of(String normalizedText) {
    List<String> units = units(normalizedText);
    String folded = String.join(" ", units);
    long[] sig = new long[SIZE];
    Arrays.fill(sig, Long.MAX_VALUE);
    int shingles = Math.max(0, units.size() - SHINGLE + 1);
    if (units.isEmpty()) {
      return new Fingerprint(sha256(folded), sig, new long[0]);
    }
    if (shingles == 0) {
      update(sig, hash(folded));
    }
    for (int i = 0; i < shingles; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < i + SHINGLE; j++) {
        h = mix(h ^ hash(units.get(j)));
      }
      update(sig, h);
    }
    return new Fingerprint(sha256(folded), sig, bandKeys(sig));
  }

  /** The share of equal positions: an estimate of the Jaccard similarity of the shingle sets. */
  public static double similarity(long[] a, long[] b) {
    if (a.length != b.length || a.length == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  static List<String> units(String text) {
    String s = Text.fold(text);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isIdeographicUnit(cp)) {
        flush(word, out);
        out.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else {
        flush(word, out);
      }
    }
    flush(word, out);
    return out;
  }

  private static boolean isIdeographicUnit(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN
        || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA
        || sc == Character.UnicodeScript.HANGUL;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  private static void update(long[] sig, long shingleHash) {
    for (int k = 0; k < SIZE; k++) {
      long v = mix(shingleHash ^ SEEDS[k]);
      if (Long.compareUnsigned(v, sig[k]) < 0) {
        sig[k] = v;
      }
    }
  }

  private static long[] bandKeys(long[] sig) {
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = mix(b + 1L);
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ sig[b * ROWS + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** 64-bit FNV-1a of the UTF-16 units: stable across runs and JVMs, unlike String.hashCode. */
  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64 finaliser: spreads bits so XOR with a seed acts as an independent hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] s = new long[SIZE];
    long x = 0x5EED_0F_716_11L;
    for (int i = 0; i < SIZE; i++) {
      x += 0x9E3779B97F4A7C15L;
      s[i] = mix(x);
    }
    return s;
  }

  private static String sha256(String folded) {
    MessageDigest d = ContentHash.newDigest();
    return HexFormat.of().formatHex(d.digest(folded.getBytes(StandardCharsets.UTF_8)));
  }
}
