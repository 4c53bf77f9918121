package org.vigil.web.explore;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Choices the map filter form offers. */
public record FilterOptions(
    List<String> agencies,
    List<Option> tactics,
    List<String> statuses,
    @Nullable Integer firstYear,
    @Nullable Integer lastYear) {
  public FilterOptions {
    agencies = List.copyOf(agencies);
    tactics = List.copyOf(tactics);
    statuses = List.copyOf(statuses);
  }

  public record Option(String code, String label) {}
}
