package org.vigil.archive;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** Reads WARC files (plain or gzip), one record at a time so memory stays bounded. */
public final class WarcReader {
  private static final int BUFFER = 16 * 1024;

  private WarcReader() {}

  /**
   * Calls {@code sink} with each response and resource record; request, metadata, warcinfo, revisit
   * and other record types are skipped. Payloads have HTTP transfer and content encodings removed.
   * A record that cannot be read is delivered as a failed item and reading goes on.
   *
   * @param maxPayloadBytes records with a larger payload (after decoding) are reported to {@code
   *     sink} as {@code too_large} failures rather than kept; decoding stops at this bound, which
   *     defeats compression bombs
   * @throws VigilException {@code corrupt_document} when the file is not a WARC or is damaged,
   *     {@code truncated_document} when it ends in the middle of a record; records read before the
   *     damage have already been delivered. {@code unreadable_file} when it cannot be opened
   */
  public static void read(Path warc, long maxPayloadBytes, Consumer<WarcItem> sink) {
    Checks.notNull(warc, "warc");
    Checks.notNegative(maxPayloadBytes, "maxPayloadBytes");
    Checks.notNull(sink, "sink");
    ReadableByteChannel channel;
    long size;
    try {
      size = Files.size(warc);
      // Deliberately not seekable: jwarc then reads every byte of a record instead of seeking past
      // it, so a record cut short by the end of the file is noticed (EOFException).
      channel = Channels.newChannel(Files.newInputStream(warc));
    } catch (NoSuchFileException e) {
      throw VigilException.item(ErrorCode.UNREADABLE_FILE, "no such WARC file " + warc, e);
    } catch (IOException e) {
      throw VigilException.item(ErrorCode.UNREADABLE_FILE, "cannot open WARC file " + warc, e);
    }
    try (channel) {
      if (size == 0) {
        throw VigilException.item(ErrorCode.CORRUPT_DOCUMENT, warc + " is empty, not a WARC file");
      }
      try (org.netpreserve.jwarc.WarcReader reader =
          new org.netpreserve.jwarc.WarcReader(channel)) {
        AtomicReference<String> warning = new AtomicReference<>();
        reader.onWarning(warning::set);
        long index = 0;
        while (true) {
          warning.set(null);
          Optional<WarcRecord> next = reader.next();
          if (next.isEmpty()) {
            if (warning.get() != null) {
              // jwarc reports a record whose trailer is cut off as a warning, then ends
              throw VigilException.item(
                  ErrorCode.TRUNCATED_DOCUMENT,
                  warc + " is truncated after record " + index + ": " + warning.get());
            }
            return;
          }
          index++;
          WarcRecord record = next.get();
          Optional<WarcItem> item = readRecord(record, maxPayloadBytes, warc, index);
          // a record cut short by the end of the file is damage to the file, not to one item
          requireComplete(record, warc, index);
          item.ifPresent(sink);
        }
      }
    } catch (VigilException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw damaged(warc, e);
    }
  }

  private static Optional<WarcItem> readRecord(WarcRecord record, long max, Path warc, long index)
      throws IOException {
    if (!(record instanceof WarcResponse) && !(record instanceof WarcResource)) {
      return Optional.empty();
    }
    WarcTargetRecord target = (WarcTargetRecord) record;
    String label = label(target, warc, index);
    try {
      if (record instanceof WarcResponse) {
        return Optional.of(WarcItem.of(response((WarcResponse) record, max, label)));
      }
      byte[] payload = readBounded(record.body().stream(), max, label);
      String type = record.headers().first("Content-Type").orElse(null);
      return Optional.of(WarcItem.of(entry(target, null, Map.of(), type, payload)));
    } catch (VigilException e) {
      return Optional.of(WarcItem.failed(label, e));
    } catch (EOFException e) {
      throw e; // the file ends inside this record: reported by the caller as truncation
    } catch (IOException | RuntimeException e) {
      if (isCut(record)) {
        throw new EOFException("record " + index + " ends early");
      }
      return Optional.of(
          WarcItem.failed(
              label,
              VigilException.item(
                  ErrorCode.CORRUPT_DOCUMENT,
                  "cannot read record " + label + ": " + e.getMessage(),
                  e)));
    }
  }

  private static WarcEntry response(WarcResponse record, long max, String label)
      throws IOException {
    HttpResponse http = record.http();
    MessageBody decoded;
    try {
      decoded = http.bodyDecoded();
    } catch (IOException e) {
      throw VigilException.item(
          ErrorCode.UNSUPPORTED_FORMAT, "cannot decode record " + label + ": " + e.getMessage(), e);
    }
    byte[] payload = readBounded(decoded.stream(), max, label);
    Map<String, List<String>> headers = lowerCased(http.headers().map());
    String type = http.headers().first("Content-Type").orElse(null);
    return entry(record, http.status(), headers, type, payload);
  }

  private static WarcEntry entry(
      WarcTargetRecord record,
      @Nullable Integer status,
      Map<String, List<String>> headers,
      @Nullable String type,
      byte[] payload)
      throws IOException {
    Instant date = record.date();
    return new WarcEntry(
        record.id().toString(), record.target(), date, status, headers, type, payload);
  }

  private static byte[] readBounded(InputStream in, long max, String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > max) {
        throw VigilException.item(
            ErrorCode.TOO_LARGE, "payload of record " + label + " exceeds " + max + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Reads the rest of the record and fails when the file ended before its declared length. */
  private static void requireComplete(WarcRecord record, Path warc, long index) throws IOException {
    if (isCut(record)) {
      throw VigilException.item(
          ErrorCode.TRUNCATED_DOCUMENT,
          warc + " is truncated: record " + index + " ends before its declared length");
    }
  }

  /** Reads what is left of the record; a file that ends first throws EOFException. */
  private static boolean isCut(WarcRecord record) throws IOException {
    MessageBody body = record.body();
    body.consume();
    return body.position() < body.size();
  }

  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            merged
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    merged.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  private static String label(WarcTargetRecord record, Path warc, long index) {
    try {
      return record.target();
    } catch (RuntimeException e) {
      return warc.getFileName() + "#" + index;
    }
  }

  private static VigilException damaged(Path warc, Exception e) {
    if (e instanceof EOFException || isEndOfInput(e)) {
      return VigilException.item(
          ErrorCode.TRUNCATED_DOCUMENT, warc + " is truncated: " + e.getMessage(), e);
    }
    String why =
        e instanceof ParsingException || e instanceof ZipException
            ? "not a valid WARC file"
            : "cannot be read";
    return VigilException.item(
        ErrorCode.CORRUPT_DOCUMENT, warc + " " + why + ": " + e.getMessage(), e);
  }

  private static boolean isEndOfInput(Exception e) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("unexpected end of");
  }
}
