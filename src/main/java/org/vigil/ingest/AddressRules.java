package org.vigil.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which addresses a fetch may never reach, and how numeric host spellings are read. Everything that
 * is not a globally routable unicast address is refused: the machine itself, the networks behind
 * it, cloud metadata endpoints, and every IPv6 form that embeds such an IPv4 address.
 */
final class AddressRules {
  private AddressRules() {}

  /** True when a fetch must not connect to {@code address}. */
  static boolean isForbidden(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isForbiddenV4(b);
    }
    if (address instanceof Inet6Address) {
      return isForbiddenV6(b);
    }
    return true; // an address family we do not know cannot be vetted
  }

  private static boolean isForbiddenV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return a0 == 0 // "this network", including 0.0.0.0
        || a0 == 10 // private
        || a0 == 127 // loopback
        || (a0 == 100 && (a1 & 0xc0) == 64) // CGNAT 100.64/10
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && (a1 & 0xf0) == 16) // private 172.16/12
        || (a0 == 192 && a1 == 168) // private
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 192 && a1 == 0 && a2 == 2) // TEST-NET-1
        || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast
        || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18/15
        || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
        || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
        || a0 >= 224; // multicast 224/4, reserved 240/4, broadcast
  }

  private static boolean isForbiddenV6(byte[] b) {
    int w0 = word(b, 0);
    int w1 = word(b, 2);
    if (allZero(b, 0, 8)) {
      int w4 = word(b, 8);
      int w5 = word(b, 10);
      if (w4 == 0 && w5 == 0 && allZero(b, 12, 16)) {
        return true; // unspecified ::
      }
      if ((w4 == 0 && (w5 == 0xffff || w5 == 0)) || (w4 == 0xffff && w5 == 0)) {
        // IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d, and the deprecated
        // IPv4-compatible ::a.b.c.d (which also covers ::1, as 0.0.0.1 is in 0/8)
        return isForbiddenV4(v4(b, 12));
      }
      return true; // nothing routable lives in the rest of ::/64
    }
    if (w0 == 0x0064 && w1 == 0xff9b) {
      if (allZero(b, 4, 12)) {
        return isForbiddenV4(v4(b, 12)); // NAT64 64:ff9b::/96
      }
      return true; // 64:ff9b:1::/48, local-use NAT64
    }
    if (w0 == 0x2002) {
      return isForbiddenV4(v4(b, 2)); // 6to4 2002:a.b.c.d::/48
    }
    if (w0 == 0x2001 && w1 == 0) {
      return true; // Teredo tunnels: the embedded addresses cannot be vetted reliably
    }
    if (w0 == 0x2001 && w1 == 0x0db8) {
      return true; // documentation
    }
    if (w0 == 0x3fff && (w1 & 0xf000) == 0) {
      return true; // documentation 3fff::/20
    }
    if (w0 == 0x0100 && allZero(b, 2, 8)) {
      return true; // discard-only 100::/64
    }
    int first = b[0] & 0xff;
    return (first & 0xfe) == 0xfc // unique-local fc00::/7
        || (w0 & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (w0 & 0xffc0) == 0xfec0 // deprecated site-local fec0::/10
        || first == 0xff; // multicast
  }

  private static int word(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] v4(byte[] b, int at) {
    return new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]};
  }

  /**
   * Reads the legacy numeric IPv4 spellings that browsers and C resolvers accept ({@code
   * 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}) the way they do, so a host is
   * checked and connected to as the address it really names.
   *
   * @return empty when {@code host} is not a numeric IPv4 spelling (a name or an IPv6 literal)
   */
  static Optional<InetAddress> parseNumericIpv4(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (h.isEmpty() || h.startsWith(".") || h.contains("..")) {
      return Optional.empty();
    }
    String[] parts = h.toLowerCase(Locale.ROOT).split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      OptionalLong value = number(parts[i]);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      values[i] = value.getAsLong();
    }
    long address = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 0xff) {
        return Optional.empty();
      }
      address |= values[i] << (24 - 8 * i);
    }
    long last = values[values.length - 1];
    int lastBits = 8 * (5 - values.length);
    if (last >= (1L << lastBits)) {
      return Optional.empty();
    }
    address |= last;
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    try {
      return Optional.of(InetAddress.getByAddress(host, bytes));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always a valid address", e);
    }
  }

  private static OptionalLong number(String part) {
    try {
      if (part.startsWith("0x")) {
        String digits = part.substring(2);
        return OptionalLong.of(digits.isEmpty() ? 0L : parse(digits, 16));
      }
      if (part.length() > 1 && part.startsWith("0")) {
        return OptionalLong.of(parse(part.substring(1), 8));
      }
      return OptionalLong.of(parse(part, 10));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static long parse(String digits, int radix) {
    // bounded length, so overlong numbers are rejected instead of overflowing
    if (digits.isEmpty()
        || digits.length() > 12
        || digits.charAt(0) == '+'
        || digits.charAt(0) == '-') {
      throw new NumberFormatException(digits);
    }
    return Long.parseLong(digits, radix);
  }
}
