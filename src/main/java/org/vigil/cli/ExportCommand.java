package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.app.Vigil;
import org.vigil.export.ExportFormat;
import org.vigil.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    description =
        "Write the record as CSV (with a link back to each record), JSON, GeoJSON or FollowTheMoney.")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "F",
      description = "csv, json, geojson or ftm.")
  String format;

  @Option(
      names = "--out",
      defaultValue = "export",
      paramLabel = "DIR",
      description = "Folder to write (default ./export).")
  Path out;

  @Option(
      names = "--link-base",
      defaultValue = "vigil://records/",
      paramLabel = "URL",
      description = "Prefix of the link back to each record (e.g. http://localhost:7070/records/).")
  String linkBase;

  record ExportView(String format, List<String> files) {}

  @Override
  public Integer call() {
    ExportFormat f = ExportFormat.parse(format);
    PrintWriter w = spec.commandLine().getOut();
    try (Vigil vigil = common.open()) {
      List<Path> files = new Exporter(linkBase).write(vigil.snapshot(), f, out);
      if (common.json) {
        Json.line(
            w,
            new ExportView(
                f.name().toLowerCase(java.util.Locale.ROOT),
                files.stream().map(Path::toString).toList()));
      } else {
        files.forEach(p -> w.println("wrote " + p));
        w.flush();
      }
      return 0;
    }
  }
}
