package org.vigil.extract;

/** A gazetteer name found in a text: [start, end) offsets and the entry it names. */
public record GazetteerMatch(int start, int end, String surface, GazetteerEntry entry) {}
