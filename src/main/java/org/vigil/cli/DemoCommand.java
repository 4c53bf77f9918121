package org.vigil.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.Role;
import org.vigil.app.ScriptedReviewer;
import org.vigil.app.Vigil;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.SecretTokens;
import org.vigil.export.Statistics;
import org.vigil.ingest.IngestOptions;
import org.vigil.ingest.IngestService;
import org.vigil.ingest.IngestSummary;
import org.vigil.records.SourceSummary;
import org.vigil.search.SearchHit;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResult;
import org.vigil.web.WebApp;
import org.vigil.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on embedded defaults: capture the sample sources shipped with Vigil, then show what
 * was captured, the story clusters and a few searches.
 */
@Command(
    name = "demo",
    description =
        "Capture the bundled sample sources and show sources, duplicate clusters and searches.")
final class DemoCommand implements Callable<Integer> {
  /** Searches that show stemming, phrases and Chinese in both scripts. */
  static final List<String> SEARCHES =
      List.of("overseas police stations", "\"hometown association\"", "警務服務站", "劝返");

  static final String REVIEWER = "demo-reviewer";

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--samples",
      paramLabel = "DIR",
      description = "Sample folder (default: samples/ of the Vigil checkout).")
  @Nullable Path samples;

  @Option(
      names = "--no-serve",
      description = "Stop after printing the record instead of starting the web workspace.")
  boolean noServe;

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "Port of the web workspace (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  static final String DEMO_USER = "demo";

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = samples != null ? samples : defaultSamples();
    if (!Files.isDirectory(dir)) {
      throw new VigilException(
          ErrorCode.CONFIGURATION, "sample folder not found: " + dir.toAbsolutePath());
    }
    try (Vigil vigil = common.open()) {
      out.println("Vigil demo: data in " + vigil.config().dataDir().toAbsolutePath());
      out.println("Capturing the samples in " + dir + " ...");
      out.flush();
      IngestSummary summary =
          vigil
              .ingest()
              .ingest(sampleInputs(dir), IngestOptions.defaults(), new IngestService.Listener() {});
      IngestCommand.printSummary(out, summary);

      out.println();
      out.println("== Sources ==");
      long[] n = {0};
      vigil
          .sources()
          .forEachSummary(
              s -> {
                n[0]++;
                out.printf(
                    "  %s  %-8s %-22s %s%n",
                    s.id(),
                    s.language(),
                    Terminal.cut(s.publisher() == null ? "-" : s.publisher(), 22),
                    Terminal.cut(s.title() == null ? "(untitled)" : s.title(), 60));
              });
      out.println("  " + n[0] + " sources");

      out.println();
      out.println("== Story clusters (syndicated copies, reposts, script variants) ==");
      Map<String, List<SourceSummary>> clusters = vigil.sources().duplicateClusters();
      clusters.forEach(
          (id, members) -> {
            out.printf("  cluster %s: %d sources%n", id, members.size());
            members.forEach(
                s ->
                    out.printf(
                        "    %s  %-8s %s%n",
                        s.id(),
                        s.language(),
                        Terminal.cut(
                            (s.publisher() == null ? "" : s.publisher() + ": ")
                                + (s.title() == null ? "(untitled)" : s.title()),
                            70)));
          });
      if (clusters.isEmpty()) {
        out.println("  none");
      }

      for (String q : SEARCHES) {
        out.println();
        SearchResult r = vigil.index().search(new SearchQuery(q, null, null, null, null, 3));
        out.printf("== Search: %s  (%d result%s) ==%n", q, r.total(), r.total() == 1 ? "" : "s");
        for (SearchHit h : r.hits()) {
          out.printf(
              "  %s  %s%n",
              h.id(), Terminal.cut(h.title().isBlank() ? "(untitled)" : h.title(), 70));
          out.printf(
              "      %s%n", Terminal.cut(Terminal.mark(h.snippet(), h.highlights(), false), 110));
        }
      }
      out.println();
      out.println(
          "== Record: a scripted reviewer accepts station, organisation and incident proposals ==");
      ScriptedReviewer.Outcome outcome = ScriptedReviewer.acceptAll(vigil, REVIEWER);
      out.printf(
          "  accepted %d proposals (%d left for a person); %d stations, %d organisations%n",
          outcome.accepted(),
          outcome.skipped(),
          vigil.records().list("station").size(),
          vigil.records().list("organization").size());
      out.println();
      StatsCommand.print(out, Statistics.of(vigil.snapshot()));
      out.println();
      out.println(
          "Next: ./vigil search <words>, ./vigil show <id>, ./vigil duplicates, ./vigil proposals,");
      out.println(
          "      ./vigil review records, ./vigil review show <record>, ./vigil export --format ftm, ./vigil --help");
      out.flush();
      if (!noServe) {
        serve(vigil, out);
      }
      // Item failures are part of what the demo shows (the sample WARC holds a redirect record).
      return 0;
    }
  }

  /**
   * Starts the workspace on the demo data with a {@code demo} admin whose password is new on every
   * run (printed here), and serves until Ctrl-C.
   */
  private void serve(Vigil vigil, PrintWriter out) throws InterruptedException {
    Javalin server = startWorkspace(vigil, port, out);
    ServeCommand.untilShutdown(server::stop);
  }

  /** Starts the workspace with a fresh demo login and prints where and how to sign in. */
  static Javalin startWorkspace(Vigil vigil, int port, PrintWriter out) {
    String password = SecretTokens.password();
    if (vigil.accounts().find(DEMO_USER).isPresent()) {
      vigil.accounts().enable(DEMO_USER, "vigil demo");
      vigil.accounts().resetPassword(DEMO_USER, password, "vigil demo");
    } else {
      vigil.accounts().addUser(DEMO_USER, Role.ADMIN, password, "vigil demo");
    }
    Javalin server = WebApp.create(vigil, WebSettings.defaults().withPort(port)).start();
    out.println();
    out.println("== Web workspace ==");
    out.println("  open    " + ServeCommand.address("127.0.0.1", server.port()));
    out.println("  sign in " + DEMO_USER + " / " + password);
    out.println("  (Ctrl-C stops it; ./vigil demo --no-serve skips this step)");
    out.flush();
    return server;
  }

  /** Everything in the sample folder but its README, which describes the samples. */
  private static List<String> sampleInputs(Path dir) {
    try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .sorted()
          .map(Path::toString)
          .toList();
    } catch (java.io.IOException e) {
      throw new VigilException(
          ErrorCode.CONFIGURATION, "cannot list sample folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path defaultSamples() {
    String home = System.getProperty("vigil.home");
    return home == null ? Path.of("samples") : Path.of(home, "samples");
  }
}
