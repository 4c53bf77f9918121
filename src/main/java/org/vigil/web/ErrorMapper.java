package org.vigil.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * The one place that turns exceptions into HTTP responses: the status comes from the error's cause,
 * the body is JSON (stable code, message, field map) for the API and a page for browsers.
 * Unexpected exceptions never show their message (it may quote stored content); they are logged
 * with an id the page shows.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private final Views views;

  ErrorMapper(Views views) {
    this.views = views;
  }

  static int status(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNAUTHENTICATED, WRONG_PASSPHRASE -> 401;
      case FORBIDDEN -> 403;
      case LOCKED_OUT -> 429;
      case KEYS_LOCKED -> 423;
      case TOO_LARGE, DECOMPRESSION_BOMB -> 413;
      default ->
          switch (code.kind()) {
            case INVALID_INPUT -> 400;
            case ACCESS -> 403;
            case ITEM -> 422;
            case SYSTEM, CONFIGURATION -> 500;
          };
    };
  }

  void handle(VigilException e, Context ctx) {
    int status = status(e.code());
    if (status >= 500) {
      LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.code().code(), e);
    }
    if (e.code() == ErrorCode.UNAUTHENTICATED
        && !Web.wantsJson(ctx)
        && "GET".equals(ctx.method().name())) {
      ctx.redirect("/login?next=" + Web.encode(Web.page(ctx).path()));
      return;
    }
    respond(ctx, new ErrorView(status, e.code().code(), e.getMessage(), e.fieldProblems()));
  }

  void handleHttp(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String code =
        status == 404 ? "not_found" : status == 405 ? "method_not_allowed" : "http_" + status;
    respond(
        ctx, new ErrorView(status, code, e.getMessage() == null ? code : e.getMessage(), Map.of()));
  }

  void handleUnexpected(Exception e, Context ctx) {
    String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
    LOG.error("{} {} failed unexpectedly [{}]", ctx.method(), ctx.path(), incident, e);
    respond(
        ctx,
        new ErrorView(
            500,
            "internal_error",
            "Something went wrong on the server (reference " + incident + ").",
            Map.of()));
  }

  void respond(Context ctx, ErrorView view) {
    ctx.status(view.status());
    if (Web.wantsJson(ctx)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", view.code());
      error.put("message", view.message());
      error.put("fields", view.fields());
      ctx.json(Map.of("error", error));
    } else {
      views.render(ctx, "error.jte", view);
    }
  }
}
