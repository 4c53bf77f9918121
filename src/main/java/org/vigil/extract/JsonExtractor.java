package org.vigil.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Article exports from a CMS: a WordPress REST post ({@code title.rendered}, {@code
 * content.rendered} …), a flat {@code {headline, body, author …}} object, or an array holding one
 * such object. The body goes through the same cleaner as pages, so a story read from JSON and from
 * its HTML page gives nearly the same text.
 */
final class JsonExtractor implements Extractor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BODY_FIELDS =
      List.of(
          "content",
          "body",
          "articleBody",
          "article_body",
          "text",
          "html",
          "content_html",
          "body_html",
          "fulltext",
          "full_text",
          "description",
          "summary",
          "excerpt");

  @Override
  public boolean accepts(String mediaType) {
    return mediaType.equals("application/json");
  }

  @Override
  public Extraction extract(
      byte[] bytes, String mediaType, DocumentHints hints, ExtractionLimits limits) {
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes, List.of());
    JsonNode root;
    try {
      root = JSON.readTree(decoded.text());
    } catch (JsonProcessingException e) {
      throw VigilException.item(
          ErrorCode.CORRUPT_DOCUMENT,
          "invalid JSON at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    JsonNode article = root;
    if (root.isArray()) {
      article = root.size() > 0 ? root.get(0) : null;
    }
    if (article == null || !article.isObject()) {
      throw VigilException.item(
          ErrorCode.UNSUPPORTED_FORMAT, "JSON that holds no article object (not a CMS export)");
    }
    String body = longestBody(article);
    if (body == null) {
      throw VigilException.item(
          ErrorCode.NO_TEXT,
          "JSON export without a body field (" + String.join(", ", BODY_FIELDS) + ")");
    }
    Element fragment =
        Jsoup.parseBodyFragment(asHtml(body), hints.url() == null ? "" : hints.url()).body();
    String text = HtmlCleaner.mainText(fragment);
    JsonNode yoast = article.path("yoast_head_json");
    String title = plain(first(article, "title", "headline", "name"));
    String author =
        plain(
            HtmlMetadata.first(
                first(article, "author_name", "author", "byline", "creator", "authors"),
                textAt(yoast, "author")));
    String publisher =
        plain(
            HtmlMetadata.first(
                first(article, "site_name", "publisher", "source", "siteName"),
                textAt(yoast, "og_site_name")));
    String date =
        first(
            article,
            "date",
            "published",
            "datePublished",
            "date_published",
            "pubDate",
            "publishedAt",
            "published_at",
            "created",
            "date_gmt");
    String url =
        HtmlMetadata.first(
            first(article, "link", "url", "canonical", "canonical_url", "permalink"), hints.url());
    DocumentMetadata metadata =
        new DocumentMetadata(
            title, author, publisher, date == null ? null : Dates.first(date).orElse(null), url);
    return Extraction.assemble("application/json", metadata, text, decoded.warnings(), limits);
  }

  /** Plain-text bodies become paragraphs so the cleaner keeps their breaks. */
  private static String asHtml(String body) {
    if (body.contains("<") && body.contains(">")) {
      return body;
    }
    StringBuilder html = new StringBuilder();
    for (String p : body.split("\\n\\s*\\n")) {
      html.append("<p>").append(Entities.escape(p)).append("</p>");
    }
    return html.toString();
  }

  private static @Nullable String longestBody(JsonNode article) {
    String best = null;
    for (String f : BODY_FIELDS) {
      String v = textAt(article, f);
      if (v != null && (best == null || v.length() > best.length())) {
        best = v;
      }
    }
    return best;
  }

  /** The first field present as text, or as {@code {rendered}}, {@code {name}} or an array. */
  private static @Nullable String first(JsonNode obj, String... fields) {
    for (String f : fields) {
      String v = textAt(obj, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static @Nullable String textAt(JsonNode obj, String field) {
    JsonNode n = obj.get(field);
    if (n != null && n.isArray() && n.size() > 0) {
      n = n.get(0);
    }
    if (n != null && n.isObject()) {
      for (String inner : List.of("rendered", "raw", "name", "value", "text")) {
        if (n.get(inner) != null && n.get(inner).isTextual()) {
          n = n.get(inner);
          break;
        }
      }
    }
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      return null; // WordPress "author": 7 is an id, not a name
    }
    return n.asText();
  }

  /** Titles and names may carry entities and tags ({@code &#8216;}, {@code <em>}). */
  private static @Nullable String plain(@Nullable String s) {
    return s == null ? null : HtmlMetadata.emptyToNull(Jsoup.parse(s).text());
  }
}
