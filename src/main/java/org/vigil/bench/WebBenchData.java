package org.vigil.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.Checks;
import org.vigil.core.VigilException;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.GazetteerEntry;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.IngestSummary;
import org.vigil.records.ProposalRecord;
import org.vigil.records.SourceRecord;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Builds (or reuses) a data folder for the web benchmark: N synthetic sources captured through the
 * real pipeline (archive, store, index; no proposal extraction, which would dominate the load
 * time), then about M claims made the way a reviewer makes them: synthetic STATION, ORGANIZATION
 * and INCIDENT proposals whose spans point into the sources' texts, saved and accepted through
 * {@link org.vigil.review.ReviewService}. Places are gazetteer cities, so the map has points. A few
 * hundred proposals are left open for the review queue.
 *
 * <p>The folder is {@code <work>/<N>-<M>/data}; a marker file written last says it is complete, so
 * a later run with the same sizes reuses it.
 */
public final class WebBenchData {
  static final String MARKER = "complete.properties";
  private static final long SEED = 42;
  private static final int BATCH = 5_000;
  private static final String REVIEWER = "bench-loader";

  /** Operating bureaus named in the synthetic station proposals. */
  private static final List<String> AGENCIES =
      List.of(
          "Fuzhou Public Security Bureau",
          "Qingtian Public Security Bureau",
          "Nantong Public Security Bureau",
          "Wenzhou Public Security Bureau");

  private static final List<String> TARGETS =
      List.of(
          "a diaspora journalist",
          "a student activist",
          "a community organiser",
          "relatives of an overseas critic",
          "a human rights lawyer");

  private WebBenchData() {}

  /**
   * What the folder holds.
   *
   * @param reused true when an earlier run built it
   * @param loadSeconds how long building took (the earlier run's figure when reused)
   */
  public record Built(
      Path dataDir, long sources, long claims, long records, boolean reused, double loadSeconds) {}

  /** The folder for these sizes under {@code work}, built unless a complete one is there. */
  public static Built prepare(Path work, int sources, int claims, PrintStream out) {
    Checks.check(sources > 0, "sources must be positive");
    Checks.check(claims >= 0, "claims must not be negative");
    Path base = work.resolve(sources + "-" + claims);
    Path data = base.resolve("data");
    Path marker = base.resolve(MARKER);
    try {
      if (Files.exists(marker)) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(marker)) {
          p.load(in);
        }
        out.printf(Locale.ROOT, "reusing data in %s (built in %s s)%n", data, p.get("seconds"));
        return new Built(
            data,
            Long.parseLong(p.getProperty("sources")),
            Long.parseLong(p.getProperty("claims")),
            Long.parseLong(p.getProperty("records")),
            true,
            Double.parseDouble(p.getProperty("seconds")));
      }
      if (Files.exists(base)) {
        deleteTree(base); // an interrupted build: start over
      }
      Files.createDirectories(base);
      long start = System.nanoTime();
      Built b = build(base, data, sources, claims, out);
      double seconds = (System.nanoTime() - start) / 1e9;
      Properties p = new Properties();
      p.setProperty("sources", Long.toString(b.sources()));
      p.setProperty("claims", Long.toString(b.claims()));
      p.setProperty("records", Long.toString(b.records()));
      p.setProperty("seconds", String.format(Locale.ROOT, "%.1f", seconds));
      try (var w = Files.newOutputStream(marker)) {
        p.store(w, "vigil bench web data, complete");
      }
      out.printf(Locale.ROOT, "loading took %.1f s%n", seconds);
      return new Built(data, b.sources(), b.claims(), b.records(), false, seconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Built build(Path base, Path data, int sources, int claims, PrintStream out)
      throws IOException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      // capture: the real pipeline, batch by batch so the corpus never sits on disk whole
      IngestService ingest =
          new IngestService(
              vigil.archive(),
              vigil.sources(),
              vigil.ingestLog(),
              vigil.index(),
              Clock.systemUTC());
      IngestOptions options =
          new IngestOptions(IngestOptions.defaults().maxBytes(), false, threads);
      long t0 = System.nanoTime();
      for (int from = 0; from < sources; from += BATCH) {
        int to = Math.min(sources, from + BATCH);
        Path batch = base.resolve("corpus-" + from);
        Files.createDirectories(batch);
        for (int i = from; i < to; i++) {
          Files.writeString(
              batch.resolve(String.format(Locale.ROOT, "%07d.html", i)),
              SyntheticCorpus.article(SEED, i).html(),
              StandardCharsets.UTF_8);
        }
        IngestSummary s =
            ingest.ingest(List.of(batch.toString()), options, new IngestService.Listener() {});
        deleteTree(batch);
        if (s.failed() > 0) {
          throw new IllegalStateException(
              "benchmark corpus must ingest cleanly, but: " + s.failures().get(0));
        }
        out.printf(
            Locale.ROOT,
            "  captured %d of %d sources (%.0f s)%n",
            to,
            sources,
            (System.nanoTime() - t0) / 1e9);
        out.flush();
      }
      List<String> ids = new ArrayList<>();
      vigil.sources().forEachSummary(x -> ids.add(x.id()));
      ids.sort(Comparator.naturalOrder());
      long t1 = System.nanoTime();
      makeClaims(vigil, ids, claims, out);
      out.printf(
          Locale.ROOT,
          "  %d claims on %d records (%.0f s)%n",
          vigil.claims().count(),
          vigil.records().count(),
          (System.nanoTime() - t1) / 1e9);
      return new Built(
          data, vigil.sources().count(), vigil.claims().count(), vigil.records().count(), false, 0);
    }
  }

  /** Accepts synthetic proposals until the store holds at least {@code wanted} claims. */
  static void makeClaims(Vigil vigil, List<String> sourceIds, int wanted, PrintStream out) {
    List<GazetteerEntry> cities =
        Gazetteer.standard().entries("city").stream()
            .filter(c -> c.country() != null && c.lat() != null && c.lon() != null)
            .toList();
    Checks.check(!cities.isEmpty(), "the gazetteer has no cities");
    List<String> tactics = List.of("detention", "surveillance", "persuasion_to_return", "assault");
    SplittableRandom r = new SplittableRandom(SEED);
    int attempts = 0;
    int maxAttempts = Math.max(100, wanted * 2);
    while (vigil.claims().count() < wanted && attempts++ < maxAttempts) {
      String sourceId = sourceIds.get(r.nextInt(sourceIds.size()));
      Proposal p = proposal(vigil, sourceId, r, cities, tactics);
      for (ProposalRecord open : vigil.review().saveProposals(sourceId, List.of(p))) {
        try {
          vigil.review().accept(open.id(), open.version(), REVIEWER, "bench: synthetic claim");
        } catch (VigilException e) {
          // e.g. several stations match: a person would choose; the loader moves on
        }
      }
      if (attempts % 1_000 == 0) {
        out.printf(Locale.ROOT, "  %d claims%n", vigil.claims().count());
        out.flush();
      }
    }
    // a review queue: open proposals on sources no proposal has touched yet
    int open = Math.min(300, Math.max(1, sourceIds.size() / 10));
    for (int i = 0; i < open; i++) {
      String sourceId = sourceIds.get(sourceIds.size() - 1 - i);
      vigil
          .review()
          .saveProposals(sourceId, List.of(proposal(vigil, sourceId, r, cities, tactics)));
    }
  }

  private static Proposal proposal(
      Vigil vigil,
      String sourceId,
      SplittableRandom r,
      List<GazetteerEntry> cities,
      List<String> tactics) {
    SourceRecord s =
        vigil
            .sources()
            .find(sourceId)
            .orElseThrow(() -> new IllegalStateException("no source " + sourceId));
    String text = s.content().text();
    int len = Math.min(80, text.length());
    int start = text.length() == len ? 0 : r.nextInt(text.length() - len);
    SourceSpan span =
        new SourceSpan(sourceId, start, start + len, text.substring(start, start + len));
    GazetteerEntry city = cities.get(r.nextInt(cities.size()));
    String country = city.country();
    int kind = r.nextInt(100);
    if (kind < 25) {
      return new Proposal(
          ProposalKind.STATION,
          span,
          Map.of(
              "city", List.of(city.nameEn()),
              "country", List.of(country),
              "agency", List.of(AGENCIES.get(r.nextInt(AGENCIES.size())))),
          0.9);
    }
    if (kind < 35) {
      return new Proposal(
          ProposalKind.ORGANIZATION,
          span,
          Map.of(
              "name", List.of(city.nameEn() + " Overseas Chinese Hometown Association"),
              "orgKind", List.of("hometown_association"),
              "country", List.of(country)),
          0.8);
    }
    LocalDate date = SyntheticCorpus.FIRST_DAY.plusDays(r.nextInt(SyntheticCorpus.DAYS));
    return new Proposal(
        ProposalKind.INCIDENT,
        span,
        Map.of(
            "tactic", List.of(tactics.get(r.nextInt(tactics.size()))),
            "target", List.of(TARGETS.get(r.nextInt(TARGETS.size()))),
            "place", List.of(city.nameEn()),
            "country", List.of(country),
            "date", List.of(date.toString())),
        0.8);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        p.getParent().toFile().setWritable(true);
        Files.delete(p);
      }
    }
  }
}
