package org.vigil.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import picocli.CommandLine.Option;

/** Options every data command shares. */
final class CommonOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder (default: $VIGIL_DATA, else ./vigil-data).")
  @Nullable Path data;

  @Option(names = "--json", description = "Print JSON (see docs/cli.md) instead of text.")
  boolean json;

  VigilConfig config() {
    return VigilConfig.resolve(data, System.getenv());
  }

  Vigil open() {
    return Vigil.open(config());
  }
}
