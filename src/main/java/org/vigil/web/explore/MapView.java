package org.vigil.web.explore;

/** The map page: the filter as submitted, the choices, and the URL the map loads features from. */
public record MapView(MapFilter filter, FilterOptions options, String featuresUrl) {}
