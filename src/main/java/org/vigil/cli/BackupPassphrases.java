package org.vigil.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;

/**
 * Where a backup passphrase comes from: {@code --passphrase-file}, else the environment variable
 * {@code VIGIL_BACKUP_PASSPHRASE}, else the terminal (asked without echo) or the first line of
 * standard input.
 */
final class BackupPassphrases {
  static final String ENV = "VIGIL_BACKUP_PASSPHRASE";
  static final int MIN_LENGTH = 8;

  private BackupPassphrases() {}

  static char[] read(@Nullable Path file, Map<String, String> env, boolean confirm) {
    char[] p;
    if (file != null) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        p = stripLineEnd(text).toCharArray();
      } catch (NoSuchFileException e) {
        throw VigilException.invalid("passphrase-file", file + " does not exist");
      } catch (IOException e) {
        throw VigilException.invalid("passphrase-file", "cannot read " + file + ": " + e);
      }
    } else if (env.get(ENV) != null && !env.get(ENV).isEmpty()) {
      p = env.get(ENV).toCharArray();
    } else {
      p = fromTerminalOrStdin(confirm);
    }
    if (p.length < MIN_LENGTH) {
      throw VigilException.invalid(
          "passphrase", "the backup passphrase must have at least " + MIN_LENGTH + " characters");
    }
    return p;
  }

  private static char[] fromTerminalOrStdin(boolean confirm) {
    Console console = System.console();
    if (console != null) {
      char[] p = console.readPassword("Backup passphrase: ");
      if (p == null) {
        throw VigilException.invalid("passphrase", "no passphrase given");
      }
      if (confirm) {
        char[] again = console.readPassword("Again: ");
        if (again == null || !Arrays.equals(p, again)) {
          throw VigilException.invalid("passphrase", "the two passphrases differ");
        }
      }
      return p;
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw VigilException.invalid(
            "passphrase",
            "no passphrase: give --passphrase-file, set " + ENV + " or write it to standard input");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw VigilException.invalid("passphrase", "cannot read standard input: " + e);
    }
  }

  private static String stripLineEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }
}
