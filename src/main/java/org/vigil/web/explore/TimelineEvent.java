package org.vigil.web.explore;

import org.jspecify.annotations.Nullable;

/**
 * One dated event on the timeline.
 *
 * @param date ISO date, month, year or period ({@code 2021-04/2022-07})
 * @param precision day, month, year or period
 * @param kind incident or response
 */
public record TimelineEvent(
    String date,
    String precision,
    String kind,
    String title,
    String url,
    @Nullable String country,
    String status) {}
