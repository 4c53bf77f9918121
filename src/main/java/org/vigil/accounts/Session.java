package org.vigil.accounts;

public record Session(String token, String csrfToken, User user, java.time.Instant expires) {}
