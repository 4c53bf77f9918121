package org.vigil.extract;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * The registry of extractors and the one entry point of this package: detects the media type from
 * the bytes (hints only break ties), picks the extractor and returns its result.
 */
public final class Extractors {
  /**
   * Runs each extraction on a daemon thread so a parser stuck on hostile input can be abandoned at
   * the deadline. Tika parsers do not always honour interruption: such a thread runs on, but the
   * caller gets its answer and the JVM can still exit.
   */
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "vigil-extract");
            t.setDaemon(true);
            return t;
          });

  private final ExtractionLimits limits;
  private final List<Extractor> extractors;

  private Extractors(ExtractionLimits limits, List<Extractor> extractors) {
    this.limits = limits;
    this.extractors = List.copyOf(extractors);
  }

  public static Extractors standard(ExtractionLimits limits) {
    return new Extractors(
        limits,
        List.of(
            new HtmlExtractor(),
            new JsonExtractor(),
            new PlainTextExtractor(),
            new TikaExtractor()));
  }

  /** The registered extractors, in the order they are asked; for the contract test. */
  List<Extractor> extractors() {
    return extractors;
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * @throws VigilException with an item code ({@code unsupported_format}, {@code empty_document},
   *     {@code corrupt_document}, {@code encrypted_document}, {@code too_large}, {@code
   *     decompression_bomb}, {@code invalid_encoding}, {@code no_text}, {@code extraction_timeout}
   *     …) and a message that names the problem
   */
  public Extraction extract(byte[] bytes, DocumentHints hints) {
    if (bytes == null || bytes.length == 0) {
      throw VigilException.item(ErrorCode.EMPTY_DOCUMENT, "empty document: 0 bytes");
    }
    if (bytes.length > limits.maxBytes()) {
      throw VigilException.item(
          ErrorCode.TOO_LARGE,
          "document of " + bytes.length + " bytes exceeds the limit of " + limits.maxBytes());
    }
    if (MediaTypes.blank(bytes)) {
      throw VigilException.item(
          ErrorCode.EMPTY_DOCUMENT, "empty document: " + bytes.length + " bytes of white space");
    }
    DocumentHints h = hints == null ? DocumentHints.none() : hints;
    Future<Extraction> job = WORKERS.submit(() -> extractNow(bytes, h));
    try {
      return job.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      job.cancel(true);
      throw VigilException.item(
          ErrorCode.EXTRACTION_TIMEOUT,
          "extraction took longer than " + limits.timeout().toMillis() + " ms and was abandoned");
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw VigilException.item(ErrorCode.EXTRACTION_TIMEOUT, "extraction was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof VigilException) {
        throw (VigilException) cause;
      }
      if (cause instanceof StackOverflowError) {
        throw VigilException.item(
            ErrorCode.CORRUPT_DOCUMENT, "document nested too deeply to process", cause);
      }
      throw VigilException.item(
          ErrorCode.CORRUPT_DOCUMENT,
          "unexpected failure while extracting: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage(),
          cause);
    }
  }

  private Extraction extractNow(byte[] bytes, DocumentHints hints) {
    String mediaType = MediaTypes.detect(bytes, hints, limits);
    for (Extractor x : extractors) {
      if (x.accepts(mediaType)) {
        return x.extract(bytes, mediaType, hints, limits);
      }
    }
    throw VigilException.item(ErrorCode.UNSUPPORTED_FORMAT, MediaTypes.describe(mediaType, hints));
  }
}
