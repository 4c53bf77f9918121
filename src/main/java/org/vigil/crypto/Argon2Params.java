package org.vigil.crypto;

import org.vigil.core.Checks;

/**
 * Argon2id cost parameters, stored beside the key they protect so that a later change of defaults
 * still opens old keys. Bounded above so that a tampered row cannot make unlocking take the
 * machine's whole memory.
 *
 * @param memoryKib memory in KiB (at least 8 × parallelism, at most 4 GiB)
 * @param iterations passes over memory (1 to 64)
 * @param parallelism lanes (1 to 16)
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {
  /** What new keys use: 64 MiB, 3 passes, 1 lane (about half a second on a laptop core). */
  public static final Argon2Params DEFAULT = new Argon2Params(64 * 1024, 3, 1);

  public Argon2Params {
    Checks.check(
        parallelism >= 1 && parallelism <= 16, "parallelism must be 1 to 16, was " + parallelism);
    Checks.check(
        memoryKib >= 8 * parallelism && memoryKib <= 4 * 1024 * 1024,
        "memoryKib must be between 8 × parallelism and 4 GiB, was " + memoryKib);
    Checks.check(
        iterations >= 1 && iterations <= 64, "iterations must be 1 to 64, was " + iterations);
  }
}
