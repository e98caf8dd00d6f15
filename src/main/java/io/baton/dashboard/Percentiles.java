package io.baton.dashboard;

import java.util.List;

/** Nearest-rank percentiles of values sorted in ascending order. */
final class Percentiles {

  private Percentiles() {}

  /**
   * The smallest value with at least {@code percent} of the values at or below it.
   *
   * @throws IllegalArgumentException for no values or a percentage outside 0 (excluded) to 100
   */
  static long of(List<Long> ascending, int percent) {
    if (ascending.isEmpty() || percent <= 0 || percent > 100) {
      throw new IllegalArgumentException(
          "a percentile needs values and a percentage from 1 to 100, got "
              + ascending.size()
              + " values and "
              + percent);
    }
    int rank = (int) Math.ceil(percent / 100.0 * ascending.size());
    return ascending.get(rank - 1);
  }
}
