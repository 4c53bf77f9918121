package org.vigil.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of an original's exact bytes, as 64 lower-case hex digits. A source's id is the first
 * 16 digits ({@link #sourceId()}): 64 bits keep collisions negligible at millions of sources while
 * staying short enough to type.
 */
public record ContentHash(String hex) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  public static final int SOURCE_ID_LENGTH = 16;

  public ContentHash {
    Checks.notNull(hex, "hex");
    if (!HEX64.matcher(hex).matches()) {
      throw new IllegalArgumentException("hex must be 64 lower-case hex digits, was: " + hex);
    }
  }

  public static ContentHash of(byte[] bytes) {
    return fromDigest(newDigest().digest(bytes));
  }

  public static ContentHash fromDigest(byte[] digest) {
    Checks.check(digest.length == 32, "digest must be 32 bytes, was " + digest.length);
    return new ContentHash(HexFormat.of().formatHex(digest));
  }

  /** A fresh SHA-256 digest, for hashing while streaming. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public String sourceId() {
    return hex.substring(0, SOURCE_ID_LENGTH);
  }

  @Override
  public String toString() {
    return hex;
  }
}
