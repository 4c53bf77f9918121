package org.vigil.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.Text;

/**
 * Reads title, byline, publisher, date and canonical address from a page, trying the sources in
 * order of reliability: Open Graph and article meta tags, JSON-LD, then the visible page.
 */
final class HtmlMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·]\\s+|\\s*[_｜]\\s*");
  private static final Pattern BY_LINE =
      Pattern.compile("(?m)^\\s*By\\s+(\\p{Lu}[\\p{L}.'-]+(?:\\s+\\p{Lu}[\\p{L}.'-]+){0,3})");
  private static final Pattern CHINESE_BYLINE =
      Pattern.compile(
          // "对记者表示" is not a byline: 记者 must start a phrase (or follow 本报)
          "(?:(?<!\\p{IsHan})(?:本报|本報)?(?:记者|記者)[\\s:：]*|作者\\s*[:：]\\s*"
              + "|(?<!\\p{IsHan})文\\s*[/／]\\s*)(\\p{IsHan}{2,4})");
  private static final Pattern DATE_CLASS =
      Pattern.compile("(?i)date|time|byline|meta|dateline|published");

  private HtmlMetadata() {}

  static DocumentMetadata read(Document doc, @Nullable String url) {
    List<JsonNode> ld = JsonLd.articles(doc);
    String publisher =
        first(
            meta(doc, "meta[property=og:site_name]"),
            JsonLd.text(ld, "publisher", "name"),
            meta(doc, "meta[name=application-name]"),
            meta(doc, "meta[name=publisher]"));
    String title =
        first(
            withoutSiteName(meta(doc, "meta[property=og:title]"), publisher),
            JsonLd.text(ld, "headline"),
            withoutSiteName(meta(doc, "meta[name=twitter:title]"), publisher),
            withoutSiteName(emptyToNull(doc.title()), publisher),
            textOf(doc.selectFirst("h1")));
    String author =
        first(
            meta(doc, "meta[name=author]"),
            notAddress(meta(doc, "meta[property=article:author]")),
            JsonLd.text(ld, "author", "name"),
            withoutBy(textOf(doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name]"))),
            withoutBy(textOf(doc.selectFirst("[itemprop=author]"))),
            withoutBy(textOf(doc.selectFirst(".byline .author, .author-name, .byline"))),
            bylineInText(doc.body() == null ? "" : doc.body().wholeText()));
    LocalDate published =
        date(
                meta(doc, "meta[property=article:published_time]"),
                JsonLd.text(ld, "datePublished"),
                attr(doc.selectFirst("time[datetime]"), "datetime"),
                meta(
                    doc,
                    "meta[name=date], meta[name=pubdate], meta[name=publishdate],"
                        + " meta[name=DC.date], meta[name=dc.date], meta[name=DC.date.issued],"
                        + " meta[name=dcterms.created], meta[itemprop=datePublished],"
                        + " meta[name=article:published_time]"),
                JsonLd.text(ld, "dateCreated"))
            .or(() -> datedElement(doc))
            .orElse(null);
    String canonical =
        first(
            absolute(doc.selectFirst("link[rel=canonical]"), "href"),
            meta(doc, "meta[property=og:url]"),
            JsonLd.text(ld, "url"),
            url);
    return new DocumentMetadata(title, author, publisher, published, canonical);
  }

  /** "By Jane Roe" at the start of a line, or 记者 X / 作者：X / 文/X. */
  static @Nullable String bylineInText(String text) {
    if (text == null) {
      return null;
    }
    String head = text.length() > 5_000 ? text.substring(0, 5_000) : text;
    Matcher m = BY_LINE.matcher(head);
    if (m.find()) {
      return m.group(1).trim();
    }
    Matcher c = CHINESE_BYLINE.matcher(head);
    return c.find() ? c.group(1) : null;
  }

  /** A date in an element that presents dates (byline, dateline, time). */
  private static Optional<LocalDate> datedElement(Document doc) {
    for (Element el : doc.select("time, [class], [id]")) {
      if (el.is("time") || DATE_CLASS.matcher(el.className() + " " + el.id()).find()) {
        String own = el.text();
        if (own.length() < 200) {
          Optional<LocalDate> d = Dates.first(own);
          if (d.isPresent()) {
            return d;
          }
        }
      }
    }
    return Optional.empty();
  }

  static Optional<LocalDate> date(@Nullable String... candidates) {
    for (String c : candidates) {
      if (c != null) {
        Optional<LocalDate> d = Dates.first(c);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  static @Nullable String withoutSiteName(@Nullable String title, @Nullable String site) {
    if (title == null) {
      return null;
    }
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    if (site != null) {
      String last = parts[parts.length - 1].trim();
      if (last.equalsIgnoreCase(site.trim())) {
        return title.substring(0, title.lastIndexOf(last)).replaceAll("[\\s|\\-–—·_｜]+$", "");
      }
    }
    // "Headline | Site": the headline is the longest part
    String longest = parts[0];
    for (String p : parts) {
      if (p.length() > longest.length()) {
        longest = p;
      }
    }
    return longest.trim();
  }

  private static @Nullable String withoutBy(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = s.replaceFirst("(?i)^\\s*(by|written by|作者[:：]?|记者|記者)\\s*", "");
    // "Jane Roe, Brussels | March 3, 2023": keep the name
    t = t.split("\\s*(\\||,|·|—|\\d{4}|\\bon\\b|\\bUpdated\\b|\\bPublished\\b)")[0].trim();
    return t.isEmpty() || t.length() > 80 ? null : t;
  }

  private static @Nullable String notAddress(@Nullable String s) {
    return s == null || s.startsWith("http") ? null : s;
  }

  private static @Nullable String meta(Document doc, String selector) {
    for (Element el : doc.select(selector)) {
      String v = emptyToNull(el.attr("content"));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static @Nullable String attr(@Nullable Element el, String name) {
    return el == null ? null : emptyToNull(el.attr(name));
  }

  private static @Nullable String absolute(@Nullable Element el, String name) {
    return el == null
        ? null
        : emptyToNull(el.absUrl(name).isEmpty() ? el.attr(name) : el.absUrl(name));
  }

  private static @Nullable String textOf(@Nullable Element el) {
    return el == null ? null : emptyToNull(el.text());
  }

  static @Nullable String emptyToNull(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = Text.collapseSpaces(s);
    return t.isEmpty() ? null : t;
  }

  @SafeVarargs
  static <T> @Nullable T first(@Nullable T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** schema.org articles declared in {@code <script type="application/ld+json">}. */
  static final class JsonLd {
    private JsonLd() {}

    static List<JsonNode> articles(Document doc) {
      List<JsonNode> out = new ArrayList<>();
      for (Element script : doc.select("script[type=application/ld+json]")) {
        JsonNode root;
        try {
          root = JSON.readTree(script.data());
        } catch (Exception e) {
          continue; // broken JSON-LD is common and never fatal
        }
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(root);
        int seen = 0;
        while (!todo.isEmpty() && seen++ < 1_000) {
          JsonNode n = todo.poll();
          if (n.isArray()) {
            n.forEach(todo::add);
          } else if (n.isObject()) {
            if (n.has("@graph")) {
              todo.add(n.get("@graph"));
            }
            if (isArticle(n.get("@type"))) {
              out.add(n);
            }
          }
        }
      }
      return out;
    }

    private static boolean isArticle(@Nullable JsonNode type) {
      if (type == null) {
        return false;
      }
      if (type.isArray()) {
        for (JsonNode t : type) {
          if (isArticle(t)) {
            return true;
          }
        }
        return false;
      }
      String t = type.asText();
      return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report");
    }

    /** The first text at {@code path} in any article; arrays yield their first element. */
    static @Nullable String text(List<JsonNode> articles, String... path) {
      for (JsonNode a : articles) {
        JsonNode n = a;
        for (String p : path) {
          n = n == null ? null : (n.isArray() && n.size() > 0 ? n.get(0) : n);
          n = n == null ? null : n.get(p);
        }
        if (n != null && n.isArray() && n.size() > 0) {
          n = n.get(0);
        }
        if (n != null && n.isTextual()) {
          String v = emptyToNull(n.asText());
          if (v != null) {
            return v;
          }
        }
      }
      return null;
    }
  }
}
