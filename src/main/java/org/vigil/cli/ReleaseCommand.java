package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.audit.AuditEvent;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.export.Exporter;
import org.vigil.export.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "release",
    description =
        "Write a public dataset (CSV, JSON, GeoJSON, FtM, statistics and a manifest) under a"
            + " redaction policy. Testimony is never included.")
final class ReleaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description = "Redaction policy (JSON, see docs/release.md).")
  Path policy;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write; must be empty or absent unless --force.")
  Path out;

  @Option(names = "--force", description = "Replace the contents of a non-empty --out folder.")
  boolean force;

  @Option(
      names = "--link-base",
      defaultValue = "vigil://records/",
      paramLabel = "URL",
      description = "Prefix of the link back to each record.")
  String linkBase;

  @Option(
      names = "--as",
      defaultValue = "cli",
      paramLabel = "NAME",
      description = "Who makes the release, for the audit log (default cli).")
  String actor;

  record ReleaseAudit(String dir, String policySha256, String manifestSha256) {}

  record ReleaseView(
      String dir,
      List<Release.FileEntry> files,
      Map<String, Integer> records,
      String manifest,
      String manifestSha256,
      String policySha256) {}

  @Override
  public Integer call() {
    byte[] policyBytes = readPolicy();
    PrintWriter w = spec.commandLine().getOut();
    String version = Main.class.getPackage().getImplementationVersion();
    try (Vigil vigil = common.open()) {
      Release.Result r =
          new Release(new Exporter(linkBase), version == null ? "development build" : version)
              .write(vigil.snapshot(), policyBytes, vigil.cityLocator(), out, force, Instant.now());
      // a release is a disclosure: the audit log says who published what, under which policy
      vigil
          .auditLog()
          .append(
              new AuditEvent(
                  actor,
                  "release.write",
                  "release:" + r.manifestSha256().substring(0, 16),
                  null,
                  Json.write(
                      new ReleaseAudit(r.dir().toString(), r.policySha256(), r.manifestSha256())),
                  "release under policy " + r.policySha256().substring(0, 16)));
      if (common.json) {
        Json.line(
            w,
            new ReleaseView(
                r.dir().toString(),
                r.files(),
                r.records(),
                r.dir().resolve("manifest.json").toString(),
                r.manifestSha256(),
                r.policySha256()));
      } else {
        r.files().forEach(f -> w.println("wrote " + r.dir().resolve(f.name()) + "  " + f.sha256()));
        w.println("manifest " + r.dir().resolve("manifest.json"));
        w.flush();
      }
      return 0;
    }
  }

  private byte[] readPolicy() {
    try {
      return Files.readAllBytes(policy);
    } catch (NoSuchFileException e) {
      throw VigilException.invalid("policy", "no such file: " + policy);
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.UNREADABLE_FILE, "cannot read policy " + policy + ": " + e.getMessage(), e);
    }
  }
}
