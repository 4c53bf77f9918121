package org.vigil.web.review;

/** One choice in a form: the value sent and the text shown. */
public record Option(String value, String label) {}
