package org.vigil.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Writes a public release: the snapshot, redacted under a policy, as CSV, JSON, GeoJSON and FtM,
 * the statistics computed from the redacted snapshot only, and {@code manifest.json} (the policy
 * and its SHA-256, counts, the SHA-256 and size of every file, the time and Vigil's version).
 * Everything is written to a temporary folder beside the target and moved in at the end, so a
 * failed release leaves the target as it was.
 */
public final class Release {
  static final String MANIFEST = "manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Exporter exporter;
  private final String vigilVersion;

  public Release(Exporter exporter, String vigilVersion) {
    this.exporter = Checks.notNull(exporter, "exporter");
    this.vigilVersion = Checks.notBlank(vigilVersion, "vigilVersion");
  }

  /** One file of a release as its manifest lists it. */
  public record FileEntry(String name, String sha256, long size, long entries) {}

  /** What was written. */
  public record Result(
      Path dir,
      List<FileEntry> files,
      Map<String, Integer> records,
      String policySha256,
      String manifestSha256) {
    public Result {
      files = List.copyOf(files);
      records = Map.copyOf(records);
    }
  }

  /**
   * Redacts {@code snapshot} under the policy read from {@code policyFile} and writes the release
   * into {@code out}.
   *
   * @param force replace the contents of a non-empty {@code out}
   * @throws VigilException {@code invalid_input} for a bad policy or a non-empty {@code out}
   *     without {@code force}; {@code store_failure} when the files cannot be written
   */
  public Result write(
      Snapshot snapshot,
      byte[] policyFile,
      Redactor.CityLocator cities,
      Path out,
      boolean force,
      Instant now) {
    ReleasePolicy policy = ReleasePolicy.parse(new String(policyFile, StandardCharsets.UTF_8));
    checkTarget(out, force);
    Snapshot redacted = Redactor.apply(snapshot, policy, cities);
    Path target = out.toAbsolutePath().normalize();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = target.resolveSibling("." + target.getFileName() + ".release-" + UUID.randomUUID());
      Files.createDirectory(temp);
      List<Path> files = new ArrayList<>();
      for (ExportFormat f : ExportFormat.values()) {
        files.addAll(exporter.write(redacted, f, temp));
      }
      Path stats = temp.resolve("statistics.json");
      JSON.writeValue(stats.toFile(), Map.of("tables", Statistics.of(redacted)));
      files.add(stats);
      files.sort(Comparator.comparing(p -> p.getFileName().toString()));
      List<FileEntry> entries = new ArrayList<>();
      for (Path f : files) {
        entries.add(
            new FileEntry(
                f.getFileName().toString(), sha256(f), Files.size(f), entries(f, redacted)));
      }
      Map<String, Integer> counts = new TreeMap<>();
      redacted.records().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("vigilVersion", vigilVersion);
      manifest.put("created", now.truncatedTo(ChronoUnit.SECONDS).toString());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("sha256", sha256(policyFile));
      p.put("content", policy.describe());
      manifest.put("policy", p);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("records", counts);
      c.put("claims", redacted.records().stream().mapToInt(r -> r.claims().size()).sum());
      c.put("sources", redacted.sources().size());
      manifest.put("counts", c);
      manifest.put("files", entries);
      JSON.writeValue(temp.resolve(MANIFEST).toFile(), manifest);
      String manifestSha = sha256(temp.resolve(MANIFEST));
      moveInto(temp, target);
      temp = null;
      return new Result(target, entries, counts, sha256(policyFile), manifestSha);
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "cannot write release to " + out + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        deleteQuietly(temp);
      }
    }
  }

  private static void checkTarget(Path out, boolean force) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw VigilException.invalid("out", out + " is a file, not a folder");
    }
    if (Files.isDirectory(out) && !force) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw VigilException.invalid(
              "out", out + " is not empty; choose another folder or pass --force to replace it");
        }
      } catch (IOException e) {
        throw new VigilException(ErrorCode.STORE_FAILURE, "cannot read " + out, e);
      }
    }
  }

  /** A new folder is renamed into place; an existing one is emptied and the files moved in. */
  private static void moveInto(Path temp, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try (Stream<Path> old = Files.list(target)) {
      for (Path p : old.toList()) {
        deleteRecursively(p);
      }
    }
    try (Stream<Path> fresh = Files.list(temp)) {
      for (Path p : fresh.toList()) {
        Files.move(p, target.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.delete(temp);
  }

  /** Rows, features, entities or records in one file, for the manifest. */
  private static long entries(Path f, Snapshot s) throws IOException {
    String name = f.getFileName().toString();
    if (name.endsWith(".csv")) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        return CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(r)
            .stream()
            .count();
      }
    }
    if (name.endsWith(".ftm.json")) {
      try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
        return lines.filter(l -> !l.isBlank()).count();
      }
    }
    JsonNode root = JSON.readTree(f.toFile());
    if (root.has("features")) {
      return root.get("features").size();
    }
    if (root.has("records")) {
      return root.get("records").size();
    }
    return root.path("tables").size();
  }

  static String sha256(Path f) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.list(p)) {
        for (Path c : s.toList()) {
          deleteRecursively(c);
        }
      }
    }
    Files.delete(p);
  }

  private static void deleteQuietly(Path p) {
    try {
      deleteRecursively(p);
    } catch (IOException e) {
      // a leftover temporary folder beside the target; the error that brought us here matters more
    }
  }
}
