package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.vigil.core.DocumentMetadata;

/** HTML and XHTML pages: charset, metadata, then the main text without boilerplate. */
final class HtmlExtractor implements Extractor {
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

  @Override
  public boolean accepts(String mediaType) {
    return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
  }

  @Override
  public Extraction extract(
      byte[] bytes, String mediaType, DocumentHints hints, ExtractionLimits limits) {
    List<String> declared = new ArrayList<>();
    if (hints.declaredCharset() != null) {
      declared.add(hints.declaredCharset());
    }
    // <meta charset> must sit in the first 1024 bytes (HTML spec); allow some slack
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      declared.add(m.group(1));
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes, declared);
    Document doc = parse(decoded.text(), hints.url());
    DocumentMetadata metadata = HtmlMetadata.read(doc, hints.url());
    Element body = doc.body() == null ? doc : doc.body();
    String text = HtmlCleaner.mainText(body);
    if (metadata.author() == null) {
      String byline = HtmlMetadata.bylineInText(text);
      if (byline != null) {
        metadata =
            new DocumentMetadata(
                metadata.title(),
                byline,
                metadata.publisher(),
                metadata.published(),
                metadata.canonicalUrl());
      }
    }
    if (metadata.published() == null) {
      metadata =
          new DocumentMetadata(
              metadata.title(),
              metadata.author(),
              metadata.publisher(),
              Dates.first(text.length() > 2_000 ? text.substring(0, 2_000) : text).orElse(null),
              metadata.canonicalUrl());
    }
    return Extraction.assemble(mediaType, metadata, text, decoded.warnings(), limits);
  }

  static Document parse(String html, String baseUri) {
    // jsoup's tree builder is iterative and caps nesting depth, so hostile nesting is safe
    return Jsoup.parse(html, baseUri == null ? "" : baseUri, Parser.htmlParser());
  }
}
