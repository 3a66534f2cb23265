// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/**
 * Answer of {@code getCtTimeSeries}: one metric of a CT instance (overall when {@code feature} is
 * null, else of that feature) over its bins, oldest first. A point's {@code value} is null where
 * the metric was undefined in that bin; bins without the metric have no point.
 */
public record TimeSeriesResponse(String metric, String feature, List<Point> points) {

  /** The metric's value in the bin {@code [startTimeSecs, endTimeSecs)}. */
  public record Point(long startTimeSecs, long endTimeSecs, Double value) {}
}
