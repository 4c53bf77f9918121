package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.vigil.app.Vigil;
import org.vigil.testimony.KeyService;
import org.vigil.testimony.UnlockedCustodian;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil keys}: custodians of sealed testimony. Each command unlocks a custodian for its own
 * run only; nothing stays unlocked after it exits. Losing every custodian's key or passphrase makes
 * testimony unreadable for good.
 */
@Command(
    name = "keys",
    description = "Custodians who can unseal testimony: init, add, remove, rotate, unlock, list.",
    subcommands = {
      KeysCommand.Init.class,
      KeysCommand.AddCustodian.class,
      KeysCommand.RemoveCustodian.class,
      KeysCommand.Rotate.class,
      KeysCommand.Unlock.class,
      KeysCommand.ListCustodians.class
    })
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the acting custodian's passphrase comes from. */
  static final class PassphraseOption {
    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description =
            "Read the passphrase from the first line of FILE (else $VIGIL_PASSPHRASE, less safe;"
                + " else the terminal or one line of standard input).")
    @Nullable Path file;

    char[] read(String prompt, boolean confirm) {
      return Passphrases.read(file, Passphrases.ENV, prompt, confirm, System.getenv());
    }
  }

  record KeyChangeView(
      String custodian,
      String keyId,
      int rewrapped,
      List<String> skipped,
      List<String> unreadable) {
    static KeyChangeView of(KeyService.KeyChange c) {
      return new KeyChangeView(
          c.custodian(), c.keyId(), c.rewrapped(), c.skipped(), c.unreadable());
    }
  }

  static String actor(@Nullable String as, String fallback) {
    return as == null || as.isBlank() ? fallback : as;
  }

  static void print(PrintWriter out, boolean json, KeyService.KeyChange c, String verb) {
    if (json) {
      Json.line(out, KeyChangeView.of(c));
      return;
    }
    out.printf("%s %s (key %s)%n", verb, c.custodian(), c.keyId());
    if (c.rewrapped() > 0) {
      out.printf("re-wrapped %d testimony keys%n", c.rewrapped());
    }
    if (!c.skipped().isEmpty()) {
      out.printf(
          "not re-wrapped (the acting custodian holds no key for them): %s%n",
          String.join(", ", c.skipped()));
    }
    if (!c.unreadable().isEmpty()) {
      out.printf("now unreadable by anyone: %s%n", String.join(", ", c.unreadable()));
    }
    out.flush();
  }

  @Command(name = "init", description = "Make the first custodian (only while there is none).")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin PassphraseOption passphrase;

    @Option(names = "--custodian", required = true, paramLabel = "NAME")
    String custodian;

    @Option(names = "--as", paramLabel = "NAME", description = "Who does it (default: NAME).")
    @Nullable String as;

    record InitView(String custodian, String keyId) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      char[] pass = passphrase.read("New passphrase for " + custodian, true);
      try (Vigil vigil = common.open()) {
        KeyService.CustodianInfo info = vigil.keys().init(custodian, pass, actor(as, custodian));
        if (common.json) {
          Json.line(out, new InitView(info.name(), info.keyId()));
        } else {
          out.printf(
              "custodian %s created (key %s)%nKeep the passphrase safe: if every custodian's"
                  + " passphrase is lost, sealed testimony can never be read again.%n",
              info.name(), info.keyId());
          out.flush();
        }
        return 0;
      } finally {
        Arrays.fill(pass, '\0');
      }
    }
  }

  @Command(
      name = "add-custodian",
      description = "Add a custodian; --by unlocks and re-wraps every testimony key for it.")
  static final class AddCustodian implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin PassphraseOption passphrase;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--by", required = true, paramLabel = "CUSTODIAN")
    String by;

    @Option(
        names = "--new-passphrase-file",
        paramLabel = "FILE",
        description =
            "The new custodian's passphrase (else $VIGIL_NEW_PASSPHRASE; else the terminal or the"
                + " next line of standard input).")
    @Nullable Path newFile;

    @Option(names = "--as", paramLabel = "NAME", description = "Who does it (default: --by).")
    @Nullable String as;

    @Override
    public Integer call() {
      char[] byPass = passphrase.read("Passphrase of " + by, false);
      char[] newPass = null;
      try (Vigil vigil = common.open();
          UnlockedCustodian u = vigil.keys().unlock(by, byPass)) {
        newPass =
            Passphrases.read(
                newFile, Passphrases.NEW_ENV, "New passphrase for " + name, true, System.getenv());
        KeyService.KeyChange c = vigil.keys().addCustodian(name, newPass, u, actor(as, by));
        print(spec.commandLine().getOut(), common.json, c, "added custodian");
        return 0;
      } finally {
        Arrays.fill(byPass, '\0');
        if (newPass != null) {
          Arrays.fill(newPass, '\0');
        }
      }
    }
  }

  @Command(
      name = "remove-custodian",
      description = {
        "Remove a custodian and every testimony key wrapped for it.",
        "Refused for the last custodian (or when testimony would be left without a key) unless"
            + " --force: such testimony becomes unreadable for good."
      })
  static final class RemoveCustodian implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin PassphraseOption passphrase;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--by", required = true, paramLabel = "CUSTODIAN")
    String by;

    @Option(names = "--force", description = "Remove even if testimony becomes unreadable.")
    boolean force;

    @Option(names = "--as", paramLabel = "NAME", description = "Who does it (default: --by).")
    @Nullable String as;

    @Override
    public Integer call() {
      char[] pass = passphrase.read("Passphrase of " + by, false);
      try (Vigil vigil = common.open();
          UnlockedCustodian u = vigil.keys().unlock(by, pass)) {
        KeyService.KeyChange c = vigil.keys().removeCustodian(name, u, force, actor(as, by));
        print(spec.commandLine().getOut(), common.json, c, "removed custodian");
        return 0;
      } finally {
        Arrays.fill(pass, '\0');
      }
    }
  }

  @Command(
      name = "rotate",
      description =
          "Give a custodian a new key pair and re-wrap its testimony keys; the old private key is"
              + " gone.")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin PassphraseOption passphrase;

    @Option(names = "--custodian", required = true, paramLabel = "NAME")
    String custodian;

    @Option(
        names = "--new-passphrase-file",
        paramLabel = "FILE",
        description =
            "Protect the new key with this passphrase (else $VIGIL_NEW_PASSPHRASE; else the"
                + " current one).")
    @Nullable Path newFile;

    @Option(names = "--as", paramLabel = "NAME", description = "Who does it (default: NAME).")
    @Nullable String as;

    @Override
    public Integer call() {
      char[] pass = passphrase.read("Passphrase of " + custodian, false);
      char[] newPass = null;
      try (Vigil vigil = common.open()) {
        UnlockedCustodian u = vigil.keys().unlock(custodian, pass);
        try {
          String env = System.getenv(Passphrases.NEW_ENV);
          if (newFile != null) {
            newPass = Passphrases.fromFile(newFile);
          } else if (env != null && !env.isEmpty()) {
            newPass = env.toCharArray();
          }
          KeyService.KeyChange c =
              vigil.keys().rotate(u, newPass == null ? pass : newPass, actor(as, custodian));
          print(spec.commandLine().getOut(), common.json, c, "rotated the key of");
          return 0;
        } finally {
          u.close();
        }
      } finally {
        Arrays.fill(pass, '\0');
        if (newPass != null) {
          Arrays.fill(newPass, '\0');
        }
      }
    }
  }

  @Command(
      name = "unlock",
      description =
          "Check a custodian's passphrase and report what it can read (unlocked for this run only).")
  static final class Unlock implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin PassphraseOption passphrase;

    @Option(names = "--custodian", required = true, paramLabel = "NAME")
    String custodian;

    @Option(names = "--as", paramLabel = "NAME", description = "Who asks (default: NAME).")
    @Nullable String as;

    record ReachView(
        String custodian, int total, int readable, List<String> noKey, List<String> tampered) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      char[] pass = passphrase.read("Passphrase of " + custodian, false);
      try (Vigil vigil = common.open();
          UnlockedCustodian u = vigil.keys().unlock(custodian, pass)) {
        KeyService.Reach r = vigil.keys().reach(u);
        if (common.json) {
          Json.line(
              out, new ReachView(r.custodian(), r.total(), r.readable(), r.noKey(), r.tampered()));
        } else {
          out.printf(
              "passphrase of %s is right; it can read %d of %d testimony records%n",
              r.custodian(), r.readable(), r.total());
          if (!r.noKey().isEmpty()) {
            out.printf("no key for: %s%n", String.join(", ", r.noKey()));
          }
          if (!r.tampered().isEmpty()) {
            out.printf("key failed its check (tampered): %s%n", String.join(", ", r.tampered()));
          }
          out.flush();
        }
        return r.tampered().isEmpty() ? 0 : 1;
      } finally {
        Arrays.fill(pass, '\0');
      }
    }
  }

  @Command(name = "list", description = "Custodians, their key ids and how many keys each holds.")
  static final class ListCustodians implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    record CustodianView(
        String name, String keyId, String created, @Nullable String rotated, long records) {}

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Vigil vigil = common.open()) {
        List<KeyService.CustodianInfo> all = vigil.keys().list();
        for (KeyService.CustodianInfo c : all) {
          if (common.json) {
            Json.line(
                out,
                new CustodianView(
                    c.name(),
                    c.keyId(),
                    c.created().toString(),
                    c.rotated() == null ? null : c.rotated().toString(),
                    c.records()));
          } else {
            out.printf(
                "%-20s key %s  %d testimony keys  created %s%s%n",
                c.name(),
                c.keyId(),
                c.records(),
                c.created(),
                c.rotated() == null ? "" : "  rotated " + c.rotated());
          }
        }
        if (all.isEmpty() && !common.json) {
          out.println("no custodians yet: 'vigil keys init --custodian NAME'");
        }
        out.flush();
        return 0;
      }
    }
  }
}
