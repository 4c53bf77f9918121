package org.vigil.crypto;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * The encryption of backup files: a streamed, chunked AES-256-GCM format under a key derived from a
 * passphrase with Argon2id.
 *
 * <p>Layout (all integers big-endian):
 *
 * <pre>
 * header  "VIGILBAK" | version (1 byte, = 1) | kdf (1 byte, 1 = Argon2id)
 *         | memory KiB (int) | iterations (int) | parallelism (int) | salt (16 bytes)
 *         | chunk size (int)
 * check   HMAC-SHA256(checkKey, header)              32 bytes
 * chunks  ciphertext length (int) | AES-GCM(ciphertext and 16-byte tag) ...
 * </pre>
 *
 * <p>Argon2id turns the passphrase and salt into 64 bytes: the first 32 are the AES key, the last
 * 32 the key of the check value, which tells a wrong passphrase (or an altered header) apart from
 * altered data before anything is decrypted. Each chunk's 12-byte nonce is its final-chunk flag (1
 * byte), three zero bytes and its index (8 bytes), and the header is its additional data; so a
 * chunk moved, dropped, repeated or taken from another backup fails its tag, and a file cut off
 * after any chunk lacks the chunk flagged final. The key is unique per file (fresh random salt), so
 * counter nonces never repeat under one key. Every chunk holds {@code chunk size} plaintext bytes
 * except the final one, which holds 0 to {@code chunk size}.
 */
public final class BackupCipher {
  static final byte[] MAGIC = "VIGILBAK".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int KDF_ARGON2ID = 1;
  static final int SALT_BYTES = 16;
  static final int HEADER_BYTES = MAGIC.length + 2 + 4 * 3 + SALT_BYTES + 4;
  static final int CHECK_BYTES = 32;
  static final int TAG_BYTES = 16;

  /** Plaintext bytes per chunk. */
  public static final int CHUNK_BYTES = 1 << 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  private BackupCipher() {}

  /**
   * Argon2id cost. {@link #DEFAULT} follows the second recommended option of RFC 9106 (64 MiB, 3
   * passes); decryption refuses headers asking for more than 4 GiB or 64 passes, so a crafted file
   * cannot make restore exhaust the machine.
   */
  public record KdfParams(int memoryKib, int iterations, int parallelism) {
    public static final KdfParams DEFAULT = new KdfParams(64 * 1024, 3, 1);

    public KdfParams {
      Checks.check(
          memoryKib >= 8 * parallelism && memoryKib <= 4 * 1024 * 1024,
          "memoryKib must be between 8 × parallelism and 4 GiB, was " + memoryKib);
      Checks.check(
          iterations >= 1 && iterations <= 64, "iterations must be 1 to 64, was " + iterations);
      Checks.check(
          parallelism >= 1 && parallelism <= 16, "parallelism must be 1 to 16, was " + parallelism);
    }
  }

  /**
   * Starts an encrypted stream on {@code out}: writes the header now and one chunk every {@link
   * #CHUNK_BYTES}; {@link OutputStream#close()} writes the final chunk and closes {@code out}. A
   * stream never closed (a crash) is refused as truncated when read.
   *
   * @throws VigilException {@code invalid_input} when the passphrase is empty
   */
  public static OutputStream encrypt(OutputStream out, char[] passphrase, KdfParams params) {
    Checks.notNull(out, "out");
    Checks.notNull(params, "params");
    requirePassphrase(passphrase);
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] header = header(params, salt, CHUNK_BYTES);
    Keys keys = Keys.derive(passphrase, params, salt);
    try {
      out.write(header);
      out.write(keys.check(header));
    } catch (IOException e) {
      throw new VigilException(ErrorCode.STORE_FAILURE, "cannot write backup: " + e, e);
    }
    return new EncryptingStream(out, keys.aes, header);
  }

  /**
   * Reads the header of {@code in}, checks the passphrase against it and returns the decrypted
   * stream. Reads from the returned stream throw {@code tampered} as soon as a chunk fails its tag,
   * and at the end if the final chunk is missing or anything follows it. Closing it closes {@code
   * in}.
   *
   * @throws VigilException {@code unsupported_format} when {@code in} is not a Vigil backup or has
   *     a version this code does not read, {@code wrong_passphrase} when the passphrase (or the
   *     header) does not match, {@code tampered} when the header is cut off
   */
  public static InputStream decrypt(InputStream in, char[] passphrase) {
    Checks.notNull(in, "in");
    requirePassphrase(passphrase);
    DataInputStream data = new DataInputStream(in);
    byte[] header = new byte[HEADER_BYTES];
    byte[] check = new byte[CHECK_BYTES];
    try {
      int n = data.readNBytes(header, 0, MAGIC.length);
      if (n < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        throw new VigilException(
            ErrorCode.UNSUPPORTED_FORMAT, "not a Vigil backup file (no VIGILBAK header)");
      }
      int version = data.read();
      if (version != VERSION) {
        throw new VigilException(
            ErrorCode.UNSUPPORTED_FORMAT,
            "backup format version "
                + version
                + " is not one this Vigil reads (it reads version "
                + VERSION
                + ")");
      }
      header[MAGIC.length] = (byte) version;
      data.readFully(header, MAGIC.length + 1, HEADER_BYTES - MAGIC.length - 1);
      data.readFully(check);
    } catch (EOFException e) {
      throw tampered("the backup file ends inside its header", e);
    } catch (IOException e) {
      throw new VigilException(ErrorCode.STORE_FAILURE, "cannot read backup: " + e, e);
    }
    ByteBuffer h = ByteBuffer.wrap(header, MAGIC.length + 1, HEADER_BYTES - MAGIC.length - 1);
    int kdf = h.get();
    if (kdf != KDF_ARGON2ID) {
      throw new VigilException(
          ErrorCode.UNSUPPORTED_FORMAT, "backup uses unknown key derivation " + kdf);
    }
    KdfParams params;
    try {
      params = new KdfParams(h.getInt(), h.getInt(), h.getInt());
    } catch (IllegalArgumentException e) {
      throw new VigilException(
          ErrorCode.UNSUPPORTED_FORMAT, "backup header has impossible parameters: " + e, e);
    }
    byte[] salt = new byte[SALT_BYTES];
    h.get(salt);
    int chunk = h.getInt();
    if (chunk < 1 || chunk > 16 * CHUNK_BYTES) {
      throw new VigilException(
          ErrorCode.UNSUPPORTED_FORMAT, "backup header has impossible chunk size " + chunk);
    }
    Keys keys = Keys.derive(passphrase, params, salt);
    if (!MessageDigest.isEqual(keys.check(header), check)) {
      throw new VigilException(
          ErrorCode.WRONG_PASSPHRASE,
          "wrong passphrase for this backup (or its header was altered)");
    }
    return new DecryptingStream(data, keys.aes, header, chunk);
  }

  /** The header bytes; they are also the additional data of every chunk. */
  static byte[] header(KdfParams p, byte[] salt, int chunk) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    b.put(MAGIC).put((byte) VERSION).put((byte) KDF_ARGON2ID);
    b.putInt(p.memoryKib()).putInt(p.iterations()).putInt(p.parallelism());
    b.put(salt).putInt(chunk);
    return b.array();
  }

  private static void requirePassphrase(char[] passphrase) {
    Checks.notNull(passphrase, "passphrase");
    if (passphrase.length == 0) {
      throw VigilException.invalid("passphrase", "the backup passphrase is empty");
    }
  }

  static byte[] nonce(long index, boolean last) {
    ByteBuffer b = ByteBuffer.allocate(12);
    b.put((byte) (last ? 1 : 0)).put((byte) 0).put((byte) 0).put((byte) 0).putLong(index);
    return b.array();
  }

  static VigilException tampered(String message, Throwable cause) {
    return new VigilException(ErrorCode.TAMPERED, message, cause);
  }

  static VigilException tampered(String message) {
    return new VigilException(ErrorCode.TAMPERED, message);
  }

  private record Keys(SecretKeySpec aes, byte[] checkKey) {
    static Keys derive(char[] passphrase, KdfParams p, byte[] salt) {
      byte[] secret = utf8(passphrase);
      byte[] out = new byte[64];
      try {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(
            new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        gen.generateBytes(secret, out);
        return new Keys(
            new SecretKeySpec(Arrays.copyOfRange(out, 0, 32), "AES"),
            Arrays.copyOfRange(out, 32, 64));
      } finally {
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(out, (byte) 0);
      }
    }

    byte[] check(byte[] header) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
        return mac.doFinal(header);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    }

    private static byte[] utf8(char[] chars) {
      ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      if (b.hasArray()) {
        Arrays.fill(b.array(), (byte) 0);
      }
      return bytes;
    }
  }

  private static Cipher gcm(int mode, SecretKeySpec key, long index, boolean last, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(index, last)));
      c.updateAAD(aad);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is part of every JDK", e);
    }
  }

  /** Buffers one chunk of plaintext and writes it encrypted when full or at close. */
  private static final class EncryptingStream extends OutputStream {
    private final OutputStream out;
    private final SecretKeySpec key;
    private final byte[] header;
    private final byte[] buffer = new byte[CHUNK_BYTES];
    private int filled;
    private long index;
    private boolean closed;

    EncryptingStream(OutputStream out, SecretKeySpec key, byte[] header) {
      this.out = out;
      this.key = key;
      this.header = header.clone();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("backup stream is closed");
      }
      while (len > 0) {
        if (filled == buffer.length) {
          // only a full buffer followed by more data is a non-final chunk
          writeChunk(false);
        }
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void writeChunk(boolean last) throws IOException {
      byte[] sealed;
      try {
        sealed = gcm(Cipher.ENCRYPT_MODE, key, index, last, header).doFinal(buffer, 0, filled);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot encrypt backup chunk " + index, e);
      }
      ByteBuffer len = ByteBuffer.allocate(4).putInt(sealed.length);
      out.write(len.array());
      out.write(sealed);
      index++;
      filled = 0;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        writeChunk(true);
        out.flush();
      } finally {
        Arrays.fill(buffer, (byte) 0);
        out.close();
      }
    }
  }

  /** Reads, authenticates and decrypts one chunk at a time. */
  private static final class DecryptingStream extends InputStream {
    private final DataInputStream in;
    private final SecretKeySpec key;
    private final byte[] header;
    private final int chunkBytes;
    private byte[] plain = new byte[0];
    private int pos;
    private long index;
    private boolean sawLast;

    DecryptingStream(DataInputStream in, SecretKeySpec key, byte[] header, int chunkBytes) {
      this.in = in;
      this.key = key;
      this.header = header;
      this.chunkBytes = chunkBytes;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos == plain.length) {
        if (sawLast) {
          return -1;
        }
        nextChunk();
      }
      int n = Math.min(len, plain.length - pos);
      System.arraycopy(plain, pos, b, off, n);
      pos += n;
      return n;
    }

    private void nextChunk() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        throw tampered(
            "the backup file is truncated: it ends after chunk "
                + index
                + " without the final chunk",
            e);
      }
      if (length < TAG_BYTES || length > chunkBytes + TAG_BYTES) {
        throw tampered("backup chunk " + index + " has an impossible length " + length);
      }
      byte[] sealed = new byte[length];
      try {
        in.readFully(sealed);
      } catch (EOFException e) {
        throw tampered("the backup file is truncated inside chunk " + index, e);
      }
      // The writer flags only the chunk that ends the stream; try that reading only when the
      // chunk is short of full (a full chunk may be final too when the data ends on a boundary).
      byte[] out = open(sealed, false);
      boolean last = false;
      if (out == null) {
        out = open(sealed, true);
        last = true;
      }
      if (out == null) {
        throw tampered(
            "backup chunk " + index + " failed its authentication check: the file was altered");
      }
      if (!last && out.length != chunkBytes) {
        throw tampered("backup chunk " + index + " is short but not final");
      }
      index++;
      plain = out;
      pos = 0;
      if (last) {
        sawLast = true;
        if (in.read() != -1) {
          throw tampered("the backup file has data after its final chunk");
        }
      }
    }

    private byte @org.jspecify.annotations.Nullable [] open(byte[] sealed, boolean last) {
      try {
        return gcm(Cipher.DECRYPT_MODE, key, index, last, header).doFinal(sealed);
      } catch (AEADBadTagException e) {
        return null;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES/GCM is part of every JDK", e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
