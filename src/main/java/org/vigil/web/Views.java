package org.vigil.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders precompiled jte templates (compiled at build time by jte-maven-plugin, so the server
 * needs no compiler). jte escapes every {@code ${...}} for its HTML context, which is what keeps
 * text from hostile sources inert.
 */
public final class Views {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /**
   * Renders {@code template} (e.g. {@code "sources/list.jte"}) with the page context as {@code
   * page} and the view record as {@code view}.
   */
  public void render(Context ctx, String template, Object view) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", Web.page(ctx));
    params.put("view", view);
    ctx.html(renderToString(template, params));
  }

  /** Renders a template that declares only a {@code page} parameter. */
  public void render(Context ctx, String template) {
    ctx.html(renderToString(template, Map.of("page", Web.page(ctx))));
  }

  String renderToString(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }
}
