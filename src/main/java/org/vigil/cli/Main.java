package org.vigil.cli;

import java.io.PrintWriter;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil}: the command-line entry point. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Capture, deduplicate and search open sources on transnational repression.",
    subcommands = {
      IngestCommand.class,
      SourcesCommand.class,
      ShowCommand.class,
      SearchCommand.class,
      DuplicatesCommand.class,
      BenchCommand.class,
      ReindexCommand.class,
      ServeCommand.class,
      ArchiveCommand.class,
      AuditCommand.class,
      ProposalsCommand.class,
      ProposeCommand.class,
      ReviewCommand.class,
      UsersCommand.class,
      StatsCommand.class,
      ExportCommand.class,
      ReleaseCommand.class,
      DemoCommand.class,
      EvalCommand.class,
      KeysCommand.class,
      TestimonyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handle);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Exit codes by cause: 2 invalid input, 3 not found, 4 system failure, 5 configuration, 6 access
   * refused (login, role, lock-out, locked keys).
   */
  static int exitCode(ErrorCode code) {
    if (code == ErrorCode.NOT_FOUND) {
      return 3;
    }
    return switch (code.kind()) {
      case INVALID_INPUT -> 2;
      case ACCESS -> 6;
      case ITEM -> 1;
      case SYSTEM -> 4;
      case CONFIGURATION -> 5;
    };
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof VigilException v) {
      err.println("vigil: " + v.getMessage() + " [" + v.code().code() + "]");
      v.fieldProblems().forEach((f, p) -> err.println("  " + f + ": " + p));
      err.flush();
      return exitCode(v.code());
    }
    if (e instanceof IllegalArgumentException) {
      err.println("vigil: " + e.getMessage() + " [invalid_input]");
      err.flush();
      return 2;
    }
    err.println("vigil: unexpected error: " + e);
    e.printStackTrace(err);
    err.flush();
    return 70;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vigil " + (v == null ? "development build" : v)};
    }
  }
}
