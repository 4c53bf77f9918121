package org.vigil.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.accounts.Role;
import org.vigil.accounts.User;
import org.vigil.web.Messages;
import org.vigil.web.PageContext;

/** The partial the source page includes: the contract review.js fills from a selection. */
class ClaimFormTemplateTest {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private static String render(Role role, String lang, ClaimFormView view) {
    PageContext page =
        new PageContext(
            new User("u1", "ana", role, false, Instant.EPOCH),
            "csrf-token-1",
            Messages.of(lang),
            "/sources/abc",
            null);
    StringOutput out = new StringOutput();
    ENGINE.render("review/claim-form.jte", Map.of("page", page, "view", view), out);
    return out.toString();
  }

  private static ClaimFormView sourceForm() {
    return new ClaimFormView(
        "abc123",
        null,
        false,
        List.of(new Option("operated_by", "Operating agency (Station)")),
        List.of(new Option("station:k1", "Rotterdam <b>")),
        List.of(new Option("closed", "关闭")),
        "/sources/abc123");
  }

  @Test
  void sourcePageFormIsHiddenWithSpanInputsForTheSelectionScript() {
    String html = render(Role.ANALYST, "en", sourceForm());
    assertThat(html)
        .contains("id=\"claim-from-selection\"")
        .contains("action=\"/claims\"")
        .contains(" hidden")
        .contains("name=\"_csrf\" value=\"csrf-token-1\"")
        .contains("<input type=\"hidden\" name=\"start\"")
        .contains("<input type=\"hidden\" name=\"end\"")
        .contains("<input type=\"hidden\" name=\"quote\"")
        .contains("class=\"selection-quote\"")
        .contains("name=\"sourceId\" value=\"abc123\"")
        .contains("data-suggest-url=\"/api/v1/records/suggest\"")
        .contains("Rotterdam &lt;b&gt;")
        .contains("value=\"operated_by\"");
  }

  @Test
  void viewersGetNoFormAndChineseLabelsRender() {
    assertThat(render(Role.VIEWER, "en", sourceForm())).doesNotContain("<form");
    assertThat(render(Role.ANALYST, "zh", sourceForm())).contains("保存陈述").contains("关闭");
  }
}
