package org.vigil.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.bench.SyntheticCorpus.Publisher;

/**
 * Page boilerplate around an article, varying by site the way real templates do (class names,
 * navigation, where the ads sit), so extractors cannot key on one fixed layout.
 */
final class Html {
  private static final String[] NAV_EN = {
    "World", "Politics", "Business", "Opinion", "Culture", "Sport", "Science", "Investigations"
  };
  private static final String[] NAV_ZH = {"国际", "政治", "财经", "评论", "文化", "体育", "科技", "调查"};
  private static final String[] COMMENTS_EN = {
    "Why is nobody talking about this?",
    "Good reporting, thank you.",
    "This has been going on for years.",
    "Source?",
    "Shocking if true."
  };
  private static final String[] COMMENTS_ZH = {
    "为什么没人关注这件事？", "报道很好，谢谢。", "这种情况已经持续多年了。", "消息来源？", "如果属实令人震惊。"
  };

  private Html() {}

  static String page(
      Publisher site,
      String id,
      String title,
      List<String> paragraphs,
      LocalDate published,
      String author,
      SplittableRandom r) {
    boolean zh = site.language().equals("zh");
    // per-site style: a stable class prefix and layout from the site's name
    int style = Math.floorMod(site.name().hashCode(), 4);
    String c = new String[] {"site", "np", "gx", "main"}[style];
    StringBuilder sb = new StringBuilder(paragraphs.size() * 700 + 4_000);
    String date = published.toString();
    sb.append("<!DOCTYPE html>\n<html lang=\"")
        .append(zh ? "zh-CN" : "en")
        .append("\">\n<head>\n")
        .append(
            "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(title)
        .append(" | ")
        .append(site.name())
        .append("</title>\n")
        .append("<meta property=\"og:site_name\" content=\"")
        .append(site.name())
        .append("\">\n")
        .append("<meta property=\"og:type\" content=\"article\">\n")
        .append("<meta property=\"og:title\" content=\"")
        .append(title)
        .append("\">\n")
        .append("<meta property=\"article:published_time\" content=\"")
        .append(date)
        .append("T0")
        .append(r.nextInt(10))
        .append(":")
        .append(10 + r.nextInt(50))
        .append(":00Z\">\n")
        .append("<meta name=\"author\" content=\"")
        .append(author)
        .append("\">\n")
        .append("<link rel=\"canonical\" href=\"https://")
        .append(site.domain())
        .append("/news/")
        .append(published.getYear())
        .append('/')
        .append(id)
        .append(".html\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/")
        .append(c)
        .append(".css\">\n")
        .append(
            "<script async src=\"https://ads.adnetwork.example/tag.js\"></script>\n</head>\n<body class=\"")
        .append(c)
        .append("-article\">\n");
    sb.append("<div id=\"cookie-banner\" class=\"")
        .append(c)
        .append("-consent\"><p>")
        .append(
            zh
                ? "本网站使用Cookie以改善您的体验。"
                : "We use cookies to improve your experience and to show you personalised ads.")
        .append("</p><button>")
        .append(zh ? "全部接受" : "Accept all")
        .append("</button><a href=\"/privacy\">")
        .append(zh ? "隐私政策" : "Privacy policy")
        .append("</a></div>\n");
    sb.append("<header class=\"")
        .append(c)
        .append("-header\"><a class=\"logo\" href=\"/\">")
        .append(site.name())
        .append("</a>\n<nav><ul>");
    String[] nav = zh ? NAV_ZH : NAV_EN;
    for (int i = 0; i < 5 + style; i++) {
      sb.append("<li><a href=\"/")
          .append(NAV_EN[i].toLowerCase(java.util.Locale.ROOT))
          .append("\">")
          .append(nav[i])
          .append("</a></li>");
    }
    sb.append("</ul></nav><form action=\"/search\"><input name=\"q\" placeholder=\"")
        .append(zh ? "搜索" : "Search")
        .append("\"></form></header>\n");
    ad(sb, c, "top", zh, r);
    sb.append("<main><article class=\"")
        .append(c)
        .append("-story\">\n<h1>")
        .append(title)
        .append("</h1>\n")
        .append("<p class=\"byline\">")
        .append(zh ? "记者 " : "By ")
        .append("<span class=\"author\">")
        .append(author)
        .append("</span> · <time datetime=\"")
        .append(date)
        .append("\">")
        .append(date)
        .append("</time></p>\n");
    sb.append("<div class=\"share\"><a href=\"https://twitter.com/intent/tweet?url=https://")
        .append(site.domain())
        .append("/news/")
        .append(id)
        .append("\">Share on X</a> <a href=\"https://www.facebook.com/sharer.php?u=https://")
        .append(site.domain())
        .append("/news/")
        .append(id)
        .append("\">Facebook</a> <a href=\"whatsapp://send\">WhatsApp</a> <button class=\"copy\">")
        .append(zh ? "复制链接" : "Copy link")
        .append("</button></div>\n<div class=\"article-body\">\n");
    int adAt = 1 + r.nextInt(Math.max(1, paragraphs.size() - 1));
    for (int i = 0; i < paragraphs.size(); i++) {
      if (i == adAt) {
        ad(sb, c, "inline", zh, r);
      }
      sb.append("<p>").append(paragraphs.get(i)).append("</p>\n");
    }
    sb.append("</div>\n</article>\n<aside class=\"related\"><h2>")
        .append(zh ? "相关新闻" : "Related stories")
        .append("</h2><ul>");
    String[] related = zh ? Vocabulary.RELATED_ZH : Vocabulary.RELATED_EN;
    for (int i = 0; i < 4; i++) {
      sb.append("<li><a href=\"/news/")
          .append(r.nextInt(1_000_000))
          .append("\">")
          .append(related[r.nextInt(related.length)])
          .append("</a></li>");
    }
    sb.append("</ul></aside>\n");
    ad(sb, c, "sidebar", zh, r);
    int comments = r.nextInt(4);
    sb.append("<section class=\"comments\"><h2>")
        .append(zh ? "评论" : "Comments")
        .append(" (")
        .append(comments)
        .append(")</h2>");
    String[] texts = zh ? COMMENTS_ZH : COMMENTS_EN;
    for (int i = 0; i < comments; i++) {
      sb.append("<div class=\"comment\"><b>reader")
          .append(r.nextInt(10_000))
          .append("</b><p>")
          .append(texts[r.nextInt(texts.length)])
          .append("</p></div>");
    }
    sb.append("</section></main>\n<footer class=\"")
        .append(c)
        .append("-footer\"><p>© ")
        .append(published.getYear())
        .append(' ')
        .append(site.name())
        .append(zh ? "　版权所有" : ". All rights reserved.")
        .append("</p><a href=\"/terms\">")
        .append(zh ? "使用条款" : "Terms of use")
        .append("</a> <a href=\"/contact\">")
        .append(zh ? "联系我们" : "Contact")
        .append("</a></footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void ad(StringBuilder sb, String c, String slot, boolean zh, SplittableRandom r) {
    sb.append("<div class=\"")
        .append(c)
        .append("-ad ad-")
        .append(slot)
        .append("\"><span class=\"ad-label\">")
        .append(zh ? "广告 Advertisement" : "Advertisement")
        .append("</span><iframe src=\"https://ads.adnetwork.example/slot?s=")
        .append(slot)
        .append("&amp;r=")
        .append(r.nextInt(1 << 20))
        .append("\" width=\"300\" height=\"250\"></iframe></div>\n");
  }
}
