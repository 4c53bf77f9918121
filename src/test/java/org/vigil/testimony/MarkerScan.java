package org.vigil.testimony;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Searches bytes for testimony marker strings in every form a leak could take: UTF-8, UTF-16 either
 * way round, hex, {@code \\u} escapes, and base64 (plain and URL-safe) at each alignment. Shared by
 * the command-line and web leak tests; the forms are worked out once.
 */
public final class MarkerScan {
  private final Map<String, List<byte[]>> forms = new LinkedHashMap<>();

  public MarkerScan(List<String> markers) {
    for (String m : markers) {
      forms.put(m, formsOf(m));
    }
  }

  /** Every form of every marker, by marker. */
  public Map<String, List<byte[]>> forms() {
    return forms;
  }

  /** The markers found in {@code bytes}, each mapped to {@code where}; empty when none. */
  public Map<String, String> scanBytes(String where, byte[] bytes) {
    Map<String, String> found = new LinkedHashMap<>();
    forms.forEach(
        (m, fs) -> {
          for (byte[] f : fs) {
            if (indexOf(bytes, f) >= 0) {
              found.put(m, where);
              return;
            }
          }
        });
    return found;
  }

  /**
   * Every regular file under {@code root}. A file deleted between listing and reading is skipped:
   * it is gone, and callers watch short-lived folders separately.
   */
  public Map<String, String> scanTree(Path root) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    try (var files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
          continue;
        }
        found.putAll(scanBytes(root.relativize(p).toString(), bytes));
      }
    }
    return found;
  }

  private static List<byte[]> formsOf(String m) {
    List<byte[]> f = new ArrayList<>();
    byte[] u8 = m.getBytes(UTF_8);
    f.add(u8);
    f.add(m.getBytes(UTF_16LE));
    f.add(m.getBytes(UTF_16BE));
    f.add(HexFormat.of().formatHex(u8).getBytes(UTF_8));
    StringBuilder esc = new StringBuilder();
    m.chars()
        .forEach(c -> esc.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    f.add(esc.toString().getBytes(UTF_8));
    f.add(esc.toString().toUpperCase(Locale.ROOT).replace("\\U", "\\u").getBytes(UTF_8));
    // base64 at each of the three alignments: the part that does not depend on neighbours
    for (int shift = 0; shift < 3; shift++) {
      int skip = (3 - shift) % 3;
      int len = (u8.length - skip) / 3 * 3;
      if (len >= 6) {
        byte[] part = Arrays.copyOfRange(u8, skip, skip + len);
        f.add(Base64.getEncoder().withoutPadding().encodeToString(part).getBytes(UTF_8));
        f.add(Base64.getUrlEncoder().withoutPadding().encodeToString(part).getBytes(UTF_8));
      }
    }
    return f;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
