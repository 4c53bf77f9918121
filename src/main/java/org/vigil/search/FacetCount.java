package org.vigil.search;

public record FacetCount(String value, long count) {}
