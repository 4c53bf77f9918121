package org.vigil.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.app.Vigil;
import org.vigil.web.WebApp;
import org.vigil.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description = "Start the web workspace and the REST API on this data folder.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "P", description = "Port (default: ${DEFAULT-VALUE}).")
  int port = 7070;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host = "127.0.0.1";

  @Option(
      names = "--behind-tls",
      description = "A TLS proxy fronts Vigil: mark session cookies Secure.")
  boolean behindTls;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    WebSettings settings =
        new WebSettings(host, port, behindTls, WebSettings.defaults().maxUploadBytes());
    Vigil vigil = common.open();
    Javalin server;
    try {
      Optional<String> admin = vigil.accounts().bootstrapAdmin("vigil serve");
      server = WebApp.create(vigil, settings).start();
      admin.ifPresent(
          pw ->
              out.println(
                  "first start: created user 'admin' with password "
                      + pw
                      + "\n  (shown once: keep it somewhere safe, or reset it with"
                      + " `vigil users reset-password admin`)"));
    } catch (RuntimeException e) {
      vigil.close();
      throw e;
    }
    out.println(
        "Vigil is serving " + vigil.config().dataDir() + " at " + address(host, server.port()));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    untilShutdown(
        () -> {
          // stop taking requests first, then close the store and index they use
          server.stop();
          vigil.close();
        });
    return 0;
  }

  /** Blocks until the JVM is asked to exit (Ctrl-C, SIGTERM), which runs {@code stop} first. */
  static void untilShutdown(Runnable stop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                },
                "vigil-shutdown"));
    stopped.await();
  }

  static String address(String host, int port) {
    String shown = host.equals("0.0.0.0") ? "localhost" : host;
    return "http://" + shown + ":" + port + "/";
  }
}
