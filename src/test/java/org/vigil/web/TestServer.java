package org.vigil.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.vigil.accounts.Role;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;

/**
 * A real workspace server on port 0 over a fresh data folder, with one user per role (password
 * {@link #PASSWORD}). Tests talk to it over loopback with {@link TestBrowser}.
 */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery staple";
  private final Vigil vigil;
  private final Javalin server;

  private TestServer(Vigil vigil, Javalin server) {
    this.vigil = vigil;
    this.server = server;
  }

  public static TestServer start(Path dataDir) {
    // cheap password hashing: tests sign in often; the production cost is tested in accounts
    Vigil vigil =
        Vigil.open(
            new VigilConfig(dataDir),
            java.time.Clock.systemUTC(),
            org.vigil.accounts.AccountSettings.defaults()
                .withHashing(new org.vigil.crypto.PasswordHasher.Params(256, 1, 1)));
    for (Role role : Role.values()) {
      vigil
          .accounts()
          .addUser(role.name().toLowerCase(java.util.Locale.ROOT), role, PASSWORD, "test");
    }
    Javalin server = WebApp.create(vigil, WebSettings.defaults().withPort(0)).start();
    return new TestServer(vigil, server);
  }

  /** Captures the bundled samples and lets the demo's scripted reviewer build a record. */
  public TestServer withSamples() {
    java.util.List<String> inputs = new java.util.ArrayList<>();
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(Path.of("samples"))) {
      s.filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .forEach(p -> inputs.add(p.toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    vigil
        .ingest()
        .ingest(
            inputs,
            org.vigil.ingest.IngestOptions.defaults(),
            new org.vigil.ingest.IngestService.Listener() {});
    org.vigil.app.ScriptedReviewer.acceptAll(vigil, "test-reviewer");
    return this;
  }

  public Vigil vigil() {
    return vigil;
  }

  public Javalin javalin() {
    return server;
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  public TestBrowser browser() {
    return new TestBrowser(base());
  }

  /** A browser already signed in as the user named after {@code role}. */
  public TestBrowser signedIn(Role role) {
    TestBrowser b = browser();
    b.login(role.name().toLowerCase(java.util.Locale.ROOT), PASSWORD);
    return b;
  }

  @Override
  public void close() {
    server.stop();
    vigil.close();
  }
}
