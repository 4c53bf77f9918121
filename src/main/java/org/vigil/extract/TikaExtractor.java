package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jspecify.annotations.Nullable;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** PDF and office formats (DOCX, ODT, DOC, RTF, spreadsheets, slides, EPUB) through Tika. */
final class TikaExtractor implements Extractor {
  // AutoDetectParser is thread-safe and costly to build (it loads every parser)
  private static final Parser PARSER = new AutoDetectParser();

  private static final Set<String> TYPES =
      Set.of(
          "application/pdf",
          "application/msword",
          "application/rtf",
          "text/rtf",
          "application/vnd.ms-excel",
          "application/vnd.ms-powerpoint",
          "application/epub+zip",
          "application/x-tika-ooxml",
          "application/x-tika-msoffice");

  @Override
  public boolean accepts(String mediaType) {
    return TYPES.contains(mediaType)
        || mediaType.startsWith("application/vnd.openxmlformats-officedocument.")
        || mediaType.startsWith("application/vnd.oasis.opendocument.")
        || mediaType.startsWith("application/vnd.ms-word")
        || mediaType.startsWith("application/vnd.ms-excel")
        || mediaType.startsWith("application/vnd.ms-powerpoint");
  }

  @Override
  public Extraction extract(
      byte[] bytes, String mediaType, DocumentHints hints, ExtractionLimits limits) {
    boolean pdf = mediaType.equals("application/pdf");
    if (pdf && !endsWithEof(bytes)) {
      throw VigilException.item(
          ErrorCode.TRUNCATED_DOCUMENT,
          "truncated PDF: no %%EOF marker at the end of its " + bytes.length + " bytes");
    }
    Metadata metadata = new Metadata();
    WriteOutContentHandler out = new WriteOutContentHandler(limits.maxTextChars());
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      PARSER.parse(in, new BodyContentHandler(out), metadata, new ParseContext());
    } catch (Exception e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        if (compressed(mediaType)) {
          throw VigilException.item(
              ErrorCode.DECOMPRESSION_BOMB,
              mediaType
                  + " of "
                  + bytes.length
                  + " bytes expands to more than "
                  + limits.maxTextChars()
                  + " characters of text",
              e);
        }
        // the text so far is kept; Extraction.assemble adds the warning about the cut
      } else {
        throw classify(e, mediaType);
      }
    }
    String text = pdf ? tidyPdf(out.toString()) : paragraphs(out.toString());
    if (text.isBlank()) {
      throw VigilException.item(
          ErrorCode.NO_TEXT,
          (pdf ? "PDF" : mediaType)
              + " has no extractable text"
              + (pdf ? " (scanned pages or images only: needs OCR)" : ""));
    }
    DocumentMetadata md =
        new DocumentMetadata(
            value(metadata, TikaCoreProperties.TITLE),
            value(metadata, TikaCoreProperties.CREATOR),
            value(metadata, TikaCoreProperties.PUBLISHER),
            Dates.first(String.valueOf(value(metadata, TikaCoreProperties.CREATED))).orElse(null),
            null);
    List<String> warnings =
        text.length() >= limits.maxTextChars()
            ? List.of("text cut at " + limits.maxTextChars() + " characters")
            : List.of();
    return Extraction.assemble(mediaType, md, text, warnings, limits);
  }

  private static VigilException classify(Exception e, String mediaType) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException) {
        return VigilException.item(
            ErrorCode.ENCRYPTED_DOCUMENT,
            mediaType + " is encrypted (password-protected): " + t.getMessage(),
            e);
      }
      if (t instanceof ZeroByteFileException) {
        return VigilException.item(ErrorCode.EMPTY_DOCUMENT, mediaType + " has no bytes", e);
      }
      String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (msg.contains("zip bomb") || t.getClass().getSimpleName().contains("ZipBomb")) {
        return VigilException.item(
            ErrorCode.DECOMPRESSION_BOMB,
            mediaType + " looks like a decompression bomb: " + t.getMessage(),
            e);
      }
      if (msg.contains("password") || msg.contains("encrypted")) {
        return VigilException.item(
            ErrorCode.ENCRYPTED_DOCUMENT, mediaType + " is encrypted: " + t.getMessage(), e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    boolean eof =
        root instanceof java.io.EOFException
            || String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("end of");
    return VigilException.item(
        eof ? ErrorCode.TRUNCATED_DOCUMENT : ErrorCode.CORRUPT_DOCUMENT,
        "cannot parse this "
            + mediaType
            + (eof ? " (it ends too early): " : ": ")
            + root.getClass().getSimpleName()
            + ": "
            + root.getMessage(),
        e);
  }

  /** Zip-based formats and PDF streams inflate; a huge text from them means a bomb. */
  private static boolean compressed(String mediaType) {
    return mediaType.equals("application/pdf")
        || mediaType.equals("application/epub+zip")
        || mediaType.equals("application/x-tika-ooxml")
        || mediaType.startsWith("application/vnd.openxmlformats-officedocument.")
        || mediaType.startsWith("application/vnd.oasis.opendocument.");
  }

  /** PDF writers end with %%EOF, sometimes followed by a little padding. */
  private static boolean endsWithEof(byte[] bytes) {
    int from = Math.max(0, bytes.length - 2048);
    String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    return tail.contains("%%EOF");
  }

  /** PDF text comes as lines; keep them, with at most one blank line between blocks. */
  private static String tidyPdf(String s) {
    return PlainTextExtractor.tidy(s);
  }

  /** Office formats give one line per paragraph: separate them by blank lines. */
  private static String paragraphs(String s) {
    StringBuilder b = new StringBuilder();
    for (String line : PlainTextExtractor.tidy(s).split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        if (b.length() > 0) {
          b.append("\n\n");
        }
        b.append(t);
      }
    }
    return b.toString();
  }

  private static @Nullable String value(Metadata md, Property p) {
    String[] values = md.getValues(p);
    if (values.length == 0) {
      return null;
    }
    String joined = String.join(", ", values).strip();
    return joined.isEmpty() ? null : joined;
  }
}
