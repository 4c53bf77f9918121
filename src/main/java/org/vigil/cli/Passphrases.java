package org.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;

/**
 * Where a passphrase comes from, first found wins: a file the user names, an environment variable
 * (convenient for scripts, less safe: other processes of the same user may read it), the terminal
 * without echo, else one line of standard input. Passphrases are kept as {@code char[]} so callers
 * can zero them; they are never logged or echoed.
 */
final class Passphrases {
  static final String ENV = "VIGIL_PASSPHRASE";
  static final String NEW_ENV = "VIGIL_NEW_PASSPHRASE";

  private Passphrases() {}

  /**
   * @param file from an option, or null
   * @param env the environment variable to try
   * @param prompt what to ask on a terminal
   * @param confirm on a terminal, ask twice (for a new passphrase)
   */
  static char[] read(
      @Nullable Path file, String env, String prompt, boolean confirm, Map<String, String> envs) {
    if (file != null) {
      return fromFile(file);
    }
    String fromEnv = envs.get(env);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("%s: ", prompt);
      if (first == null) {
        throw VigilException.invalid("passphrase", "no passphrase given");
      }
      if (confirm) {
        char[] again = console.readPassword("%s (again): ", prompt);
        boolean same = again != null && Arrays.equals(first, again);
        if (again != null) {
          Arrays.fill(again, '\0');
        }
        if (!same) {
          Arrays.fill(first, '\0');
          throw VigilException.invalid("passphrase", "the two passphrases differ");
        }
      }
      return first;
    }
    char[] line = stdinLine(System.in);
    if (line == null) {
      throw VigilException.invalid(
          "passphrase",
          "no passphrase: give --passphrase-file FILE, set "
              + env
              + " or type it on standard input");
    }
    return line;
  }

  static char[] fromFile(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw VigilException.invalid(
          "passphrase-file", "cannot read " + file + ": " + e.getMessage());
    }
    try {
      int end = bytes.length;
      // the first line only, without its line end
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n' || bytes[i] == '\r') {
          end = i;
          break;
        }
      }
      return decode(bytes, end);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** One line of {@code in}, read byte by byte so that a second call reads the next line. */
  static char @Nullable [] stdinLine(InputStream in) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      int c;
      boolean any = false;
      while ((c = in.read()) != -1) {
        any = true;
        if (c == '\n') {
          break;
        }
        if (c != '\r') {
          b.write(c);
        }
      }
      if (!any) {
        return null;
      }
    } catch (IOException e) {
      throw VigilException.invalid("passphrase", "cannot read standard input: " + e.getMessage());
    }
    byte[] bytes = b.toByteArray();
    try {
      return decode(bytes, bytes.length);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static char[] decode(byte[] bytes, int length) {
    try {
      CharBuffer cb =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length));
      char[] out = new char[cb.remaining()];
      cb.get(out);
      if (cb.hasArray()) {
        Arrays.fill(cb.array(), '\0');
      }
      return out;
    } catch (CharacterCodingException e) {
      throw VigilException.invalid("passphrase", "the passphrase is not valid UTF-8");
    }
  }
}
