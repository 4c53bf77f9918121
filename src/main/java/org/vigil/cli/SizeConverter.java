package org.vigil.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses sizes such as {@code 512}, {@code 500KB}, {@code 100MB}, {@code 2GB} (powers of 1024). */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)I?B?");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a size; use e.g. 500KB, 100MB or 2GB");
    }
    long n = Long.parseLong(m.group(1));
    long size =
        switch (m.group(2)) {
          case "K" -> n << 10;
          case "M" -> n << 20;
          case "G" -> n << 30;
          default -> n;
        };
    if (size <= 0) {
      throw new CommandLine.TypeConversionException("size must be positive, was '" + value + "'");
    }
    return size;
  }
}
