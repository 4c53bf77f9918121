package org.vigil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.accounts.ApiTokenInfo;
import org.vigil.accounts.IssuedToken;
import org.vigil.accounts.Role;
import org.vigil.accounts.User;
import org.vigil.app.Vigil;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.crypto.SecretTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil users}: accounts for the web workspace, run by whoever holds the data folder. Every
 * change names who made it ({@code --as}) and is an audit event. Passwords and tokens are printed
 * once and never stored in the clear.
 */
@Command(
    name = "users",
    description =
        "Add, list, disable and enable users; reset passwords; issue and revoke API tokens.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.ResetPassword.class,
      UsersCommand.SetRole.class,
      UsersCommand.Token.class,
      UsersCommand.RevokeToken.class,
      UsersCommand.Tokens.class
    })
final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Who makes the change. */
  static final class Actor {
    @Option(
        names = "--as",
        required = true,
        paramLabel = "NAME",
        description = "Who makes the change (recorded in the audit log).")
    String actor;
  }

  /** Where a new password comes from. */
  static final class PasswordSource {
    @Option(
        names = "--password-stdin",
        description =
            "Read the password from the first line of standard input (default: generate a strong"
                + " one and print it once).")
    boolean stdin;

    /** The password read from standard input, or null to generate one. */
    @Nullable String read() {
      if (!stdin) {
        return null;
      }
      try {
        BufferedReader r =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || line.isEmpty()) {
          throw VigilException.invalid("password", "no password on standard input");
        }
        return line;
      } catch (IOException e) {
        throw new VigilException(
            ErrorCode.INVALID_INPUT, "cannot read the password from standard input: " + e, e);
      }
    }
  }

  record UserView(String id, String name, String role, boolean disabled, Instant created) {
    static UserView of(User u) {
      return new UserView(u.id(), u.name(), u.role().code(), u.disabled(), u.created());
    }
  }

  /** A new user; {@code password} only when Vigil generated it (shown this once). */
  record AddedView(
      String id,
      String name,
      String role,
      boolean disabled,
      Instant created,
      @Nullable String password) {}

  record PasswordView(String name, @Nullable String password) {}

  record TokenView(String id, String user, String label, String token) {}

  record TokenInfoView(
      String id,
      String user,
      String label,
      Instant created,
      @Nullable Instant lastUsed,
      boolean revoked) {
    static TokenInfoView of(ApiTokenInfo t) {
      return new TokenInfoView(
          t.id(), t.userName(), t.label(), t.created(), t.lastUsed(), t.revoked());
    }
  }

  record ChangeView(String name, String change) {}

  @Command(
      name = "add",
      description =
          "Add a user. Without --password-stdin a strong password is generated and printed once.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;
    @Mixin PasswordSource source;

    @Parameters(paramLabel = "NAME", description = "Sign-in name: 2-40 of a-z 0-9 . _ -")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, analyst, reviewer or viewer.")
    String role;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Role r = Role.parse(role);
      String given = source.read();
      String password = given == null ? SecretTokens.passwordWithout(name) : given;
      try (Vigil vigil = common.open()) {
        User u = vigil.accounts().addUser(name, r, password, actor.actor);
        String shown = given == null ? password : null;
        if (common.json) {
          Json.line(
              out,
              new AddedView(u.id(), u.name(), u.role().code(), u.disabled(), u.created(), shown));
        } else {
          out.println("added " + u.name() + " (" + u.role().code() + ")");
          if (shown != null) {
            out.println("password: " + shown);
            out.println("(shown once: hand it over safely; it is stored only as a hash)");
          }
          out.flush();
        }
        return 0;
      }
    }
  }

  @Command(name = "list", description = "All users by name.")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        for (User u : vigil.accounts().list()) {
          if (common.json) {
            Json.line(out, UserView.of(u));
          } else {
            out.printf(
                "%-20s %-9s %-9s created %s%n",
                u.name(), u.role().code(), u.disabled() ? "disabled" : "active", u.created());
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "disable",
      description = "Disable a user: sign-in refused, sessions ended, API tokens stop working.")
  static final class Disable implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (Vigil vigil = common.open()) {
        vigil.accounts().disable(name, actor.actor);
      }
      return done(spec, common, new ChangeView(name, "disabled"));
    }
  }

  @Command(name = "enable", description = "Enable a disabled user again.")
  static final class Enable implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (Vigil vigil = common.open()) {
        vigil.accounts().enable(name, actor.actor);
      }
      return done(spec, common, new ChangeView(name, "enabled"));
    }
  }

  @Command(name = "set-role", description = "Change a user's role; applies to their next request.")
  static final class SetRole implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, analyst, reviewer or viewer.")
    String role;

    @Override
    public Integer call() {
      Role r = Role.parse(role);
      try (Vigil vigil = common.open()) {
        vigil.accounts().setRole(name, r, actor.actor);
      }
      return done(spec, common, new ChangeView(name, "role " + r.code()));
    }
  }

  @Command(
      name = "reset-password",
      description = {
        "Set a new password and end the user's sessions.",
        "Without --password-stdin a strong password is generated and printed once."
      })
  static final class ResetPassword implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;
    @Mixin PasswordSource source;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      String given = source.read();
      String password = given == null ? SecretTokens.passwordWithout(name) : given;
      try (Vigil vigil = common.open()) {
        vigil.accounts().resetPassword(name, password, actor.actor);
      }
      String shown = given == null ? password : null;
      if (common.json) {
        Json.line(out, new PasswordView(name, shown));
      } else {
        out.println("password of " + name + " reset; their sessions have ended");
        if (shown != null) {
          out.println("password: " + shown);
          out.println("(shown once: hand it over safely; it is stored only as a hash)");
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "token",
      description = {
        "Issue an API token for a user and print it once.",
        "Send it as 'Authorization: Bearer TOKEN'; it acts with the user's role."
      })
  static final class Token implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--label",
        required = true,
        paramLabel = "TEXT",
        description = "What the token is for, e.g. 'nightly import'.")
    String label;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        IssuedToken t = vigil.accounts().issueApiToken(name, label, actor.actor);
        if (common.json) {
          Json.line(out, new TokenView(t.id(), name, t.label(), t.token()));
        } else {
          out.println("issued " + t.id() + " for " + name + " (" + t.label() + ")");
          out.println("token: " + t.token());
          out.println("(shown once: it is stored only as a hash; revoke it if it leaks)");
          out.flush();
        }
        return 0;
      }
    }
  }

  @Command(name = "revoke-token", description = "Revoke an API token for good.")
  static final class RevokeToken implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin Actor actor;

    @Parameters(paramLabel = "ID", description = "The token's id, e.g. token:k3m9p2q7rx.")
    String id;

    @Override
    public Integer call() {
      try (Vigil vigil = common.open()) {
        vigil.accounts().revokeApiToken(id, actor.actor);
      }
      return done(spec, common, new ChangeView(id, "revoked"));
    }
  }

  @Command(
      name = "tokens",
      description = "API tokens of one user, or of everyone; never the tokens.")
  static final class Tokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "NAME", arity = "0..1")
    @Nullable String name;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        for (ApiTokenInfo t : vigil.accounts().apiTokens(name)) {
          if (common.json) {
            Json.line(out, TokenInfoView.of(t));
          } else {
            out.printf(
                "%s  %-20s %-8s last used %-24s %s%n",
                t.id(),
                t.userName(),
                t.revoked() ? "revoked" : "active",
                t.lastUsed() == null ? "never" : t.lastUsed().toString(),
                t.label());
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  private static int done(CommandSpec spec, CommonOptions common, ChangeView change) {
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      Json.line(out, change);
    } else {
      out.println(change.name() + ": " + change.change());
      out.flush();
    }
    return 0;
  }
}
