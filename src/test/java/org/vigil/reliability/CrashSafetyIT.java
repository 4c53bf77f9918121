package org.vigil.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.audit.AuditVerification;
import org.vigil.ingest.ArchiveVerifier;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.records.SourceRecord;
import org.vigil.testing.Pages;

/**
 * The crash harness of issue 5: kills Vigil with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux) at seeded random moments during ingest, review and backup, restarting each time, and after
 * every kill checks the data folder: the archive verifies, the audit chain verifies, every source's
 * original exists, the index holds no source the store lacks and lacks only sources the store has
 * marked for catch-up, and every decided proposal has its audit event. At the end it reruns the
 * interrupted work and checks that it completes: the ingest stores everything, review decides every
 * proposal, a backup (taken while review writes) restores in a separate process and verifies.
 *
 * <p>The CI run makes 50 kills ({@code -Dvigil.crash.kills=N} for more, {@code
 * -Dvigil.crash.seed=S} for another sequence); figures are written to {@code
 * target/crash-safety-report.txt}. See docs/reliability.md.
 */
class CrashSafetyIT {
  static final int KILLS = Integer.getInteger("vigil.crash.kills", 50);
  static final long SEED = Long.getLong("vigil.crash.seed", 20261128L);
  static final String PASSPHRASE = "crash test passphrase";
  static final String[] CITIES = {
    "Toronto",
    "Rotterdam",
    "Amsterdam",
    "London",
    "Dublin",
    "Madrid",
    "Milan",
    "Prague",
    "New York",
    "Vancouver",
    "Budapest",
    "Paris"
  };

  @TempDir Path tmp;
  final Random random = new Random(SEED);
  final Map<String, Integer> killsByPhase = new TreeMap<>();
  final Map<String, Integer> killsByMoment = new TreeMap<>();
  final List<String> log = new ArrayList<>();
  int checks;
  int docs;

  @Test
  void sigkillAtRandomMomentsLeavesAConsistentFolderAndRerunsCompleteTheWork() throws Exception {
    long started = System.nanoTime();
    Path data = tmp.resolve("data");
    Path corpus = tmp.resolve("corpus");
    Path pass = tmp.resolve("passphrase.txt");
    Files.writeString(pass, PASSPHRASE);
    int ingestKills = KILLS * 2 / 5;
    int reviewKills = KILLS * 3 / 10;
    int backupKills = KILLS - ingestKills - reviewKills;

    // ---- ingest: each cycle adds a batch of new documents, so there is always work to cut
    for (int k = 0; k < ingestKills; ) {
      addBatch(corpus, 12);
      Cycle c =
          runAndKill(
              "ingest",
              cli(
                  "ingest",
                  "--json",
                  "--threads",
                  "2",
                  "--data",
                  data.toString(),
                  corpus.toString()),
              delay(0, 2500),
              false);
      if (c.killed) {
        k++;
        moment(
            "ingest",
            c.lines == 0 ? "before the first item" : "after " + bucket(c.lines) + " items");
      }
      check(data);
    }
    Result rerun = run(cli("ingest", "--json", "--data", data.toString(), corpus.toString()));
    assertThat(rerun.exit).as(rerun.err).isZero();
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      assertThat(vigil.sources().count()).isEqualTo(docs);
      assertThat(vigil.sources().unindexedCount()).isZero();
      assertThat(vigil.index().ids()).isEqualTo(vigil.sources().ids());
    }
    log.add("ingest rerun: all " + docs + " documents stored and indexed");

    // ---- review: accept/reject proposals, then move claim statuses back and forth
    for (int k = 0; k < reviewKills; ) {
      Cycle c = runAndKill("review", driver(data, "work"), delay(0, 1500), false);
      if (c.killed) {
        k++;
        moment(
            "review",
            c.lines == 0 ? "before the first change" : "after " + bucket(c.lines) + " changes");
      }
      check(data);
    }
    Result finish = run(driver(data, "finish"));
    assertThat(finish.exit).as(finish.err).isZero();
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      assertThat(vigil.review().list(ProposalFilter.open())).isEmpty();
    }
    log.add("review rerun: every open proposal decided");

    // ---- backup, while a review process keeps writing claim statuses
    Path out = tmp.resolve("case.backup");
    Process writer = start(driver(data, "work"));
    try {
      for (int k = 0; k < backupKills; ) {
        Cycle c =
            runAndKill(
                "backup",
                cli(
                    "backup",
                    "--progress",
                    "--force",
                    "--data",
                    data.toString(),
                    "--out",
                    out.toString(),
                    "--passphrase-file",
                    pass.toString()),
                delay(0, 2500),
                true);
        if (c.killed) {
          k++;
          moment(
              "backup",
              "during stage " + (c.last == null ? "start-up" : c.last.replace("stage ", "")));
        }
        // never a file under the final name unless it is complete
        if (Files.exists(out)) {
          restoreAndVerify(out, pass, tmp.resolve("restore-" + checks), false);
        }
        check(data);
      }
      Result full =
          run(
              cli(
                  "backup",
                  "--force",
                  "--data",
                  data.toString(),
                  "--out",
                  out.toString(),
                  "--passphrase-file",
                  pass.toString()));
      assertThat(full.exit).as(full.err).isZero();
      assertThat(out.resolveSibling("case.backup.partial")).doesNotExist();
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    killsByPhase.merge("review (writing during backups)", 1, Integer::sum);
    check(data);
    // a fresh "machine": a new folder, restored and verified by separate processes
    Path fresh = tmp.resolve("fresh-machine").resolve("data");
    restoreAndVerify(out, pass, fresh, true);
    log.add("backup rerun: complete file restored by a separate process; archive and audit verify");

    // ---- the index agrees with the store, and a rebuild keeps it so
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      vigil.ingest().catchUpIndex();
      assertThat(vigil.index().ids()).isEqualTo(vigil.sources().ids());
      vigil.ingest().reindex();
      assertThat(vigil.index().ids()).isEqualTo(vigil.sources().ids());
    }
    report(started);
  }

  // ---- checks -----------------------------------------------------------------------------

  /** The invariants that must hold after any kill. */
  void check(Path data) {
    checks++;
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      AuditVerification audit = vigil.auditLog().verify();
      assertThat(audit.passed()).as("audit chain after kill: %s", audit.message()).isTrue();
      ArchiveVerifier.Report archive = vigil.archiveVerifier().verify();
      assertThat(archive.problems()).as("every source's original exists and verifies").isEmpty();
      SortedSet<String> stored = vigil.sources().ids();
      SortedSet<String> indexed = vigil.index().ids();
      assertThat(stored).as("the index holds no source the store lacks").containsAll(indexed);
      SortedSet<String> pending = new TreeSet<>();
      for (SourceRecord s : vigil.sources().unindexed(1_000_000)) {
        pending.add(s.id());
      }
      SortedSet<String> missing = new TreeSet<>(stored);
      missing.removeAll(indexed);
      assertThat(pending)
          .as("sources missing from the index are marked for catch-up")
          .containsAll(missing);
      // every decision and every record or claim it made has its audit event (they commit
      // together); one pass over the log instead of a query per proposal
      java.util.Set<String> decided = new java.util.HashSet<>();
      java.util.Set<String> subjects = new java.util.HashSet<>();
      long events = vigil.auditLog().head().seq();
      if (events > 0) {
        for (org.vigil.audit.AuditRecord r : vigil.auditLog().recent((int) events)) {
          subjects.add(r.event().subject());
          String action = r.event().action();
          if (action.startsWith("proposal.") && !action.equals("proposal.save")) {
            decided.add(r.event().subject());
          }
        }
      }
      for (ProposalStatus status :
          List.of(ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.EDITED)) {
        for (ProposalRecord p :
            vigil.review().list(new ProposalFilter(null, null, status, 1_000_000))) {
          assertThat(decided)
              .as("decided proposal %s has its audit event", p.id())
              .contains(p.id());
          assertThat(subjects)
              .as("what %s made has audit events", p.id())
              .containsAll(p.resultIds());
        }
      }
      // a rerun catches the index up: afterwards it agrees with the store
      vigil.ingest().catchUpIndex();
      assertThat(vigil.index().ids()).isEqualTo(stored);
    }
  }

  void restoreAndVerify(Path file, Path pass, Path target, boolean final_) throws Exception {
    Result r =
        run(
            cli(
                "restore",
                file.toString(),
                "--data",
                target.toString(),
                "--passphrase-file",
                pass.toString()));
    assertThat(r.exit).as("restore: %s", r.err).isZero();
    assertThat(run(cli("archive", "verify", "--data", target.toString())).exit).isZero();
    assertThat(run(cli("audit", "verify", "--data", target.toString())).exit).isZero();
    try (Vigil vigil = Vigil.open(new VigilConfig(target))) {
      assertThat(vigil.sources().count()).isEqualTo(docs);
      assertThat(vigil.index().ids()).isEqualTo(vigil.sources().ids());
    }
    if (!final_) {
      log.add("a backup found under its final name after a kill restored and verified");
    }
  }

  // ---- processes ----------------------------------------------------------------------------

  record Cycle(boolean killed, int lines, String last) {}

  record Result(int exit, String err) {}

  /** Starts a child, SIGKILLs it after {@code delayMs} unless it finished first. */
  Cycle runAndKill(String phase, List<String> command, long delayMs, boolean watchErr)
      throws Exception {
    Process p = start(command);
    AtomicInteger lines = new AtomicInteger();
    AtomicReference<String> last = new AtomicReference<>();
    Thread out = drain(p.getInputStream(), watchErr ? null : lines, watchErr ? null : last, false);
    Thread err = drain(p.getErrorStream(), watchErr ? lines : null, watchErr ? last : null, true);
    // One kill in four counts from the start (start-up, opening the store); the others from the
    // child's first line, so that most land in the middle of the work, whatever the JVM start-up
    // costs on a loaded machine.
    // For a backup, half of those count from the end of key derivation (the first stage after it
    // is the archive), with a short delay, so that kills also land while originals and index
    // files are streamed into the .partial file and around its rename.
    int anchor = random.nextInt(4);
    if (anchor != 0) {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (p.isAlive() && System.nanoTime() < until) {
        String l = last.get();
        boolean reached =
            watchErr && anchor >= 2
                ? l != null && !l.equals("stage store") && !l.equals("stage key")
                : lines.get() > 0;
        if (reached) {
          break;
        }
        Thread.sleep(5);
      }
      if (watchErr && anchor >= 2) {
        delayMs = delayMs / 8;
      }
    }
    boolean finished = p.waitFor(delayMs, TimeUnit.MILLISECONDS);
    if (!finished) {
      p.destroyForcibly(); // SIGKILL
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      killsByPhase.merge(phase, 1, Integer::sum);
    } else {
      log.add(phase + " finished before its kill (" + delayMs + " ms), exit " + p.exitValue());
    }
    out.join(5000);
    err.join(5000);
    return new Cycle(!finished, lines.get(), last.get());
  }

  Result run(List<String> command) throws Exception {
    Process p = start(command);
    StringBuilder err = new StringBuilder();
    Thread out = drain(p.getInputStream(), null, null, false);
    Thread errThread =
        new Thread(
            () -> {
              try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                // the process died
              }
            });
    errThread.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    out.join();
    errThread.join();
    return new Result(p.exitValue(), err.toString());
  }

  static Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command).start();
  }

  static Thread drain(
      InputStream in, AtomicInteger lines, AtomicReference<String> last, boolean stderr) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  // stdout: one line per item or change; stderr: only the backup's stage lines
                  if (lines != null && (!stderr || line.startsWith("stage "))) {
                    lines.incrementAndGet();
                    last.set(line);
                  }
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  static List<String> java(String main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main);
    cmd.addAll(List.of(args));
    return cmd;
  }

  static List<String> cli(String... args) {
    return java("org.vigil.cli.Main", args);
  }

  List<String> driver(Path data, String mode) {
    return java(
        ReviewDriver.class.getName(), data.toString(), Long.toString(random.nextLong()), mode);
  }

  long delay(int fromMs, int toMs) {
    return fromMs + random.nextInt(toMs - fromMs);
  }

  void moment(String phase, String when) {
    killsByMoment.merge(phase + ": " + when, 1, Integer::sum);
  }

  static String bucket(int n) {
    if (n < 10) {
      return "1-9";
    }
    if (n < 50) {
      return "10-49";
    }
    return "50+";
  }

  // ---- corpus -------------------------------------------------------------------------------

  void addBatch(Path corpus, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      int id = docs++;
      String city = CITIES[id % CITIES.length];
      String body =
          "<p>Report "
              + id
              + ": an overseas police service station was reported in "
              + city
              + ", run by the Fuzhou Public Security Bureau with a hometown association.</p>"
              + "<p>At least "
              + (id * 7 + 3)
              + " people were persuaded to return between April 2021 and July 2022, according to"
              + " filing "
              + (id * 7919 + 104729)
              + ".</p><p>Investigators in "
              + city
              + " reviewed case number "
              + (id * 31 + 17)
              + " about pressure on relatives.</p>";
      Pages.write(
          corpus.resolve("batch-" + (id / n)),
          "doc-" + id + ".html",
          Pages.page("Gazette " + (id % 5), "Report " + id + " on " + city, "2022-10-27", body));
    }
  }

  void report(long started) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("seed ").append(SEED).append(", kills requested ").append(KILLS).append('\n');
    s.append("kills by phase: ").append(killsByPhase).append('\n');
    s.append("total kills: ")
        .append(killsByPhase.values().stream().mapToInt(Integer::intValue).sum())
        .append('\n');
    killsByMoment.forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
    s.append("consistency checks after kills: ").append(checks).append(", all passed\n");
    s.append("documents: ").append(docs).append('\n');
    log.forEach(l -> s.append(l).append('\n'));
    s.append("seconds: ").append((System.nanoTime() - started) / 1_000_000_000).append('\n');
    System.out.println(s);
    Path report = Path.of("target", "crash-safety-report.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, s.toString());
  }
}
