package org.vigil.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.vigil.core.Text;

/**
 * Finds the main text of a page and drops its boilerplate, in three passes: remove elements that
 * are never content (scripts, navigation, ad slots, share widgets, comments …), pick the content
 * root (an article body when the page marks one, else the block with the densest text and fewest
 * links, as readability does), then render it to paragraphs and drop paragraphs that are labels,
 * link lists, credits or shortcodes. Every walk is iterative: hostile nesting cannot overflow the
 * stack.
 */
final class HtmlCleaner {
  private static final String NEVER_CONTENT =
      "script, style, noscript, template, form, iframe, frame, frameset, object, embed, svg,"
          + " canvas, nav, footer, aside, button, input, select, textarea, label, figcaption,"
          + " header, h1, menu, dialog, link, meta, [hidden], [aria-hidden=true],"
          + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
          + " [role=dialog], [role=alertdialog], [style~=(?i)display:\\s*none]";

  /** Class or id parts that mark boilerplate; matched against each -/_-separated part. */
  private static final Pattern BOILERPLATE_NAME =
      Pattern.compile(
          "ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adsbygoogle|adunit"
              + "|sponsor|sponsored|sponsors|promo|promoted|promotion|dfp|gpt|google|share"
              + "|sharing|sharebar|social|subscribe|subscription|newsletter|signup|related"
              + "|recommend|recommended|recommendations|readmore|more|cookie|cookies|consent"
              + "|gdpr|comment|comments|disqus|respond|breadcrumb|breadcrumbs|sidebar|widget"
              + "|popup|modal|paywall|tags|pagination|pager|nav|navbar|navigation|menu|footer"
              + "|header|masthead|byline|author|dateline|credit|credits|caption|print|toolbar"
              + "|outbrain|taboola|meta|copyright|banner|hidden|skip|jump",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "table",
          "tr",
          "th",
          "td",
          "dl",
          "dt",
          "dd",
          "figure",
          "address",
          "hr",
          "br",
          "center",
          "details",
          "summary",
          "body",
          "caption");

  private static final Pattern SHORTCODE_PAIR =
      Pattern.compile(
          "\\[(caption|embed|video|audio|gallery|playlist)\\b[^\\]]*\\].*?\\[/\\1\\]",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SHORTCODE_TAG =
      Pattern.compile(
          "\\[/?(?:caption|embed|video|audio|gallery|playlist|contact-form[\\w-]*|vc_\\w+"
              + "|et_pb_\\w+|wp_\\w+|[a-z][\\w-]*(?=\\s+[\\w-]+=))\\b[^\\]\\[]{0,300}\\]",
          Pattern.CASE_INSENSITIVE);

  /** Paragraphs that are labels or widgets, whatever the markup around them. */
  private static final List<Pattern> BOILERPLATE_LINES =
      List.of(
          line("(advertisements?|advertising|advert|ad|sponsored( content)?|广告|廣告|推广|推廣)"),
          line(
              "(read more|also read|read also|related|related (articles|stories|coverage|news)"
                  + "|see also|more on this( story)?|recommended|you may also like|more from"
                  + "|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|相关文章"
                  + "|相關文章|热门推荐|熱門推薦)\\b.*"),
          line("(share( this)?( article| story)?( on| via)?|分享到|分享至|分享)\\b.*"),
          line("(follow us|subscribe|sign up|newsletter|订阅|訂閱|关注我们|關注我們)\\b.*"),
          line("(photo|photograph|image|picture|credit|photo credit)s?\\s*[:：].*"),
          line("(图|圖)\\s*[/／].*"),
          line("(图片来源|圖片來源|图/|圖/|摄影|攝影|图片|圖片)[:：/].*"),
          line("(责任编辑|責任編輯|编辑|編輯|校对|校對|来源|來源|作者|发布时间|發佈時間)\\s*[:：].*"),
          line("(本报|本報)?(记者|記者)\\s*\\S{1,12}"),
          line(
              "by\\s+\\p{Lu}[\\p{L}.'-]+(\\s+\\p{Lu}[\\p{L}.'-]+){0,3}(\\s*(,|\\||and|-).{0,60})?"),
          line("(\\d+\\s+)?(comments?|leave a (comment|reply)|评论|評論|发表评论|發表評論).*"),
          line("(published|updated|posted|last updated)\\s*[:：]?.{0,60}"),
          line("(©|copyright|\\(c\\)).*"),
          line("(getty images|afp|reuters|ap photo|epa)(\\s*/.*)?"));

  private static final Pattern COOKIE = Pattern.compile("cookie", Pattern.CASE_INSENSITIVE);

  record Block(String text, int linkChars, boolean listItem) {}

  private HtmlCleaner() {}

  /** The clean main text under {@code root}, paragraphs separated by blank lines. */
  static String mainText(Element root) {
    removeNeverContent(root);
    Element content = contentRoot(root);
    List<String> paragraphs = new ArrayList<>();
    for (Block b : blocks(content)) {
      String t = stripShortcodes(b.text());
      if (t.isEmpty() || isBoilerplate(t, b)) {
        continue;
      }
      paragraphs.add(t);
    }
    return String.join("\n\n", paragraphs);
  }

  static String stripShortcodes(String s) {
    if (s.indexOf('[') < 0) {
      return s;
    }
    String out = SHORTCODE_PAIR.matcher(s).replaceAll(" ");
    out = SHORTCODE_TAG.matcher(out).replaceAll(" ");
    return Text.collapseSpaces(out);
  }

  private static void removeNeverContent(Element root) {
    root.select(NEVER_CONTENT).remove();
    int rootText = root.text().length();
    List<Element> doomed = new ArrayList<>();
    for (Element el : root.getAllElements()) {
      if (el == root || el.is("html, body, main, article, [itemprop=articleBody]")) {
        continue;
      }
      if (namedAsBoilerplate(el) && !holdsTheArticle(el, rootText)) {
        doomed.add(el);
      }
    }
    for (Element el : doomed) {
      el.remove();
    }
  }

  private static boolean namedAsBoilerplate(Element el) {
    String names = el.className() + " " + el.id();
    if (names.isBlank()) {
      return false;
    }
    for (String token : names.trim().split("\\s+")) {
      String lower = token.toLowerCase(Locale.ROOT);
      if (lower.equals("adsbygoogle") || lower.startsWith("google_ad")) {
        return true;
      }
      for (String part : lower.split("[-_]")) {
        if (!part.isEmpty() && BOILERPLATE_NAME.matcher(part).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A wrapper whose name happens to match (e.g. "layout-with-sidebar") must survive. */
  private static boolean holdsTheArticle(Element el, int rootText) {
    if (el.selectFirst("article, [itemprop=articleBody], main") != null) {
      return true;
    }
    Elements ps = el.select("p");
    return ps.size() >= 3 && el.text().length() * 2 > rootText;
  }

  private static Element contentRoot(Element root) {
    Element marked = root.selectFirst("[itemprop=articleBody]");
    if (marked != null && marked.text().length() >= 140) {
      return marked;
    }
    Element longestArticle = null;
    int longest = 0;
    for (Element a : root.select("article, main, [role=main]")) {
      int len = a.text().length();
      if (len > longest) {
        longest = len;
        longestArticle = a;
      }
    }
    Element scored = Readability.best(root);
    if (longestArticle != null && longest >= 140) {
      // a marked <article>/<main> wins, unless it dwarfs the densest block (a page-wide
      // wrapper around teasers and widgets rather than the story itself)
      if (scored != null && longestArticle.text().length() > scored.text().length() * 3) {
        return scored;
      }
      return longestArticle;
    }
    return scored != null ? scored : root;
  }

  /** Renders to blocks, counting link text so link lists can be recognised. */
  static List<Block> blocks(Element content) {
    List<Block> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] linkChars = {0};
    int[] inLink = {0};
    int[] inListItem = {0};
    Runnable flush =
        () -> {
          String t = Text.collapseSpaces(current.toString());
          if (!t.isEmpty()) {
            out.add(new Block(t, linkChars[0], inListItem[0] > 0));
          }
          current.setLength(0);
          linkChars[0] = 0;
        };
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode) {
              String t = ((TextNode) node).getWholeText();
              current.append(t);
              if (inLink[0] > 0) {
                linkChars[0] += t.strip().length();
              }
            } else if (node instanceof Element) {
              String tag = ((Element) node).normalName();
              if (BLOCKS.contains(tag)) {
                flush.run();
              }
              if (tag.equals("a")) {
                inLink[0]++;
              } else if (tag.equals("li")) {
                inListItem[0]++;
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element) {
              String tag = ((Element) node).normalName();
              if (BLOCKS.contains(tag)) {
                flush.run();
              }
              if (tag.equals("a")) {
                inLink[0]--;
              } else if (tag.equals("li")) {
                inListItem[0]--;
              }
            }
          }
        },
        content);
    flush.run();
    return out;
  }

  private static boolean isBoilerplate(String t, Block b) {
    if (t.length() <= 200) {
      for (Pattern p : BOILERPLATE_LINES) {
        if (p.matcher(t).matches()) {
          return true;
        }
      }
    }
    if (t.length() <= 500 && COOKIE.matcher(t).find()) {
      return true;
    }
    double linkShare = (double) b.linkChars() / Math.max(1, t.length());
    return linkShare > 0.5 && (b.listItem() || t.length() < 160);
  }

  private static Pattern line(String regex) {
    return Pattern.compile(
        // credits and labels are often bracketed: "(Image: Getty Images)", "（图／路透）"
        "^\\s*[(（\\[]?\\s*" + regex + "\\s*[)）\\]]?\\s*$",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  /** Readability-style scoring: paragraphs vote for their parent and grandparent. */
  static final class Readability {
    private Readability() {}

    static Element best(Element root) {
      Map<Element, Double> scores = new IdentityHashMap<>();
      for (Element p : root.select("p, pre, td, blockquote")) {
        String text = p.text();
        if (text.length() < 25) {
          continue;
        }
        double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
        Element parent = p.parent();
        if (parent == null) {
          continue;
        }
        scores.merge(parent, score, Double::sum);
        Element grand = parent.parent();
        if (grand != null) {
          scores.merge(grand, score / 2, Double::sum);
        }
      }
      Element best = null;
      double bestScore = 0;
      for (Map.Entry<Element, Double> e : scores.entrySet()) {
        double s = e.getValue() * (1 - linkDensity(e.getKey()));
        if (s > bestScore) {
          bestScore = s;
          best = e.getKey();
        }
      }
      return best;
    }

    private static int commas(String s) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        n += c == ',' || c == '，' || c == '、' || c == '。' ? 1 : 0;
      }
      return n;
    }

    private static double linkDensity(Element el) {
      int total = el.text().length();
      if (total == 0) {
        return 1;
      }
      int links = 0;
      for (Element a : el.select("a")) {
        links += a.text().length();
      }
      return Math.min(1, (double) links / total);
    }
  }
}
