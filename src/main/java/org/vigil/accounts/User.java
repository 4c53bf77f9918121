package org.vigil.accounts;

public record User(
    String id, String name, Role role, boolean disabled, java.time.Instant created) {}
