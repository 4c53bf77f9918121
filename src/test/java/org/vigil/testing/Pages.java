package org.vigil.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small article pages for pipeline tests, in the shape of real news pages. */
public final class Pages {
  private Pages() {}

  public static final String STORY_EN =
      "<p>Investigators in the host country said on Tuesday that an office run by a hometown"
          + " association had served as an overseas police service station for a county public"
          + " security bureau, handling paperwork such as driving licence renewals.</p>"
          + "<p>The association denied running any police activity. A spokesperson said the office"
          + " only helped members with documents and had no contact with the bureau.</p>"
          + "<p>An NGO report published in September 2022 counted 54 such stations; a later report"
          + " counted at least 102 stations in 53 countries. The ministry said the inquiry covered"
          + " the years 2021 and 2022 and that it would not comment on individual cases.</p>"
          + "<p>Lawmakers asked the government to explain what was known about persuasion to return"
          + " operations and whether relatives of residents had been pressured.</p>";

  public static final String STORY_ZH =
      "<p>据当地媒体报道，一个同乡会的办公室被指作为某县公安局的海外警务服务站运作，协助办理驾照更新等业务。</p>"
          + "<p>该同乡会否认从事任何警务活动，负责人表示办公室只是帮助会员处理证件。</p>"
          + "<p>一家非政府组织2022年9月发布的报告统计了54个此类服务站，后续报告称至少有102个，分布在53个国家。</p>"
          + "<p>多国政府已经展开调查，议员要求政府说明劝返行动的情况。</p>";

  /** An article page with the usual boilerplate around {@code body}. */
  public static String page(String site, String title, String date, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>"
        + title
        + " | "
        + site
        + "</title>"
        + "<meta property=\"og:site_name\" content=\""
        + site
        + "\">"
        + "<meta property=\"article:published_time\" content=\""
        + date
        + "T08:00:00Z\">"
        + "<meta name=\"author\" content=\"Staff Reporter\"></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a></nav>"
        + "<div class=\"ad-slot\"><span>Advertisement</span><a href=\"/ad\">Buy cheap flights now</a></div>"
        + "<article><h1>"
        + title
        + "</h1><p class=\"byline\">By Staff Reporter</p>"
        + body
        + "</article>"
        + "<div class=\"share\">Share on Facebook Share on X Email</div>"
        + "<aside class=\"related\"><h3>Read more</h3><ul><li><a href=\"/a\">Weather warning for the weekend</a></li>"
        + "<li><a href=\"/b\">Football club signs new coach</a></li></ul></aside>"
        + "<footer>© "
        + site
        + " All rights reserved.</footer></body></html>";
  }

  public static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
