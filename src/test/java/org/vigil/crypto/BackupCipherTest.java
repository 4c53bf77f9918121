package org.vigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

class BackupCipherTest {
  /** Cheap parameters: the tests are about the format, not the cost. */
  static final BackupCipher.KdfParams FAST = new BackupCipher.KdfParams(1024, 1, 1);

  static final char[] PASS = "correct horse battery".toCharArray();

  static byte[] seal(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = BackupCipher.encrypt(bytes, PASS, FAST)) {
      // odd write sizes, across chunk boundaries
      int off = 0;
      Random r = new Random(7);
      while (off < plain.length) {
        int n = Math.min(plain.length - off, 1 + r.nextInt(300_000));
        out.write(plain, off, n);
        off += n;
      }
    }
    return bytes.toByteArray();
  }

  static byte[] open(byte[] sealed, char[] pass) throws IOException {
    try (InputStream in = BackupCipher.decrypt(new ByteArrayInputStream(sealed), pass)) {
      return in.readAllBytes();
    }
  }

  static byte[] data(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void roundTripsEmptyShortExactAndMultiChunkStreams() throws IOException {
    for (int n :
        new int[] {
          0,
          1,
          1000,
          BackupCipher.CHUNK_BYTES,
          BackupCipher.CHUNK_BYTES + 1,
          3 * BackupCipher.CHUNK_BYTES + 17
        }) {
      byte[] plain = data(n);
      assertThat(open(seal(plain), PASS)).as("%d bytes", n).isEqualTo(plain);
    }
  }

  @Test
  void theSameDataEncryptsDifferentlyEachTime() throws IOException {
    byte[] plain = "the same words".getBytes(StandardCharsets.UTF_8);
    assertThat(seal(plain)).isNotEqualTo(seal(plain));
  }

  @Test
  void aWrongPassphraseIsNamedBeforeAnythingIsDecrypted() throws IOException {
    byte[] sealed = seal(data(5000));
    assertThatThrownBy(() -> open(sealed, "wrong passphrase!".toCharArray()))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSPHRASE));
  }

  @Test
  void everyFlippedBitAfterTheHeaderIsTampering() throws IOException {
    byte[] sealed = seal(data(2 * BackupCipher.CHUNK_BYTES + 100));
    int start = BackupCipher.HEADER_BYTES + BackupCipher.CHECK_BYTES;
    Random r = new Random(11);
    for (int i = 0; i < 40; i++) {
      byte[] altered = sealed.clone();
      int at = start + r.nextInt(altered.length - start);
      altered[at] ^= (byte) (1 << r.nextInt(8));
      assertThatThrownBy(() -> open(altered, PASS))
          .as("bit flipped at %d", at)
          .isInstanceOfSatisfying(
              VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED));
    }
  }

  @Test
  void anAlteredHeaderIsRefused() throws IOException {
    byte[] sealed = seal(data(100));
    byte[] altered = sealed.clone();
    altered[BackupCipher.MAGIC.length + 2 + 12 + 3] ^= 1; // a salt byte
    assertThatThrownBy(() -> open(altered, PASS))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSPHRASE));
  }

  @Test
  void aFileCutOffAnywhereIsTruncatedNotShort() throws IOException {
    byte[] sealed = seal(data(2 * BackupCipher.CHUNK_BYTES + 100));
    int chunk = 4 + BackupCipher.CHUNK_BYTES + BackupCipher.TAG_BYTES;
    int start = BackupCipher.HEADER_BYTES + BackupCipher.CHECK_BYTES;
    // exactly at chunk boundaries (the dangerous case: every chunk present is intact), and inside
    for (int cut : new int[] {start, start + chunk, start + 2 * chunk, start + chunk + 10}) {
      byte[] cutOff = Arrays.copyOf(sealed, cut);
      assertThatThrownBy(() -> open(cutOff, PASS))
          .as("cut at %d", cut)
          .isInstanceOfSatisfying(
              VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED));
    }
    byte[] inHeader = Arrays.copyOf(sealed, 20);
    assertThatThrownBy(() -> open(inHeader, PASS))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED));
  }

  @Test
  void swappedChunksAndTrailingBytesAreTampering() throws IOException {
    byte[] sealed = seal(data(3 * BackupCipher.CHUNK_BYTES));
    int chunk = 4 + BackupCipher.CHUNK_BYTES + BackupCipher.TAG_BYTES;
    int start = BackupCipher.HEADER_BYTES + BackupCipher.CHECK_BYTES;
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, start, swapped, start + chunk, chunk);
    System.arraycopy(sealed, start + chunk, swapped, start, chunk);
    assertThatThrownBy(() -> open(swapped, PASS))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED));

    byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
    assertThatThrownBy(() -> open(longer, PASS))
        .isInstanceOfSatisfying(
            VigilException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TAMPERED));
  }

  @Test
  void otherFilesAndNewerVersionsAreAnUnsupportedFormat() throws IOException {
    assertThatThrownBy(
            () -> open("PK\u0003\u0004 a zip file".getBytes(StandardCharsets.UTF_8), PASS))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
              assertThat(e.getMessage()).contains("not a Vigil backup");
            });
    byte[] newer = seal(data(10));
    newer[BackupCipher.MAGIC.length] = 2;
    assertThatThrownBy(() -> open(newer, PASS))
        .isInstanceOfSatisfying(
            VigilException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
              assertThat(e.getMessage()).contains("version 2");
            });
  }

  @Test
  void theDefaultCostIsArgon2idWithSixtyFourMebibytes() {
    assertThat(BackupCipher.KdfParams.DEFAULT.memoryKib()).isEqualTo(64 * 1024);
    assertThatThrownBy(() -> new BackupCipher.KdfParams(8 * 1024 * 1024, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
