package org.vigil.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/** A folder of fixtures under src/test/resources/extract: each file with its expectations. */
final class Fixtures {
  private Fixtures() {}

  static Path folder(String name) {
    URL url = Fixtures.class.getResource("/extract/" + name);
    if (url == null) {
      throw new IllegalStateException("no fixture folder extract/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every fixture in the folder: the files that are not expectations. */
  static Stream<Path> in(String name) {
    try (Stream<Path> files = Files.list(folder(name))) {
      List<Path> list =
          files
              .filter(p -> !p.getFileName().toString().endsWith(".expect.properties"))
              .sorted()
              .toList();
      return list.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Properties expectations(Path fixture) {
    String name = fixture.getFileName().toString();
    Path expect =
        fixture.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expect.properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(expect, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("missing expectations for " + name, e);
    }
    return p;
  }

  static List<String> list(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() ? List.of() : List.of(v.split("\\|"));
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jaccard similarity of character trigrams, white space ignored: 1.0 means the same text. */
  static double similarity(String a, String b) {
    Set<String> x = trigrams(a);
    Set<String> y = trigrams(b);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return union.isEmpty() ? 1.0 : (double) x.size() / union.size();
  }

  private static Set<String> trigrams(String s) {
    String t = s.replaceAll("\\s+", "");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= t.length(); i++) {
      out.add(t.substring(i, i + 3));
    }
    return out;
  }
}
