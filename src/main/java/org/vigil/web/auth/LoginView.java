package org.vigil.web.auth;

import org.jspecify.annotations.Nullable;

/** The sign-in form: where to go after, the name typed so far, and why the last try failed. */
public record LoginView(String next, String name, @Nullable String error) {}
