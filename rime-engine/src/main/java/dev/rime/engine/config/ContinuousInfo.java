// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import java.util.List;
import java.util.Map;

/**
 * The config's {@code continuous_info}: which evaluation column holds each row's time, and the size
 * of the time bins a continuous test cuts the evaluation rows into (bins aligned in UTC).
 *
 * @param timestampCol {@code timestamp_col}, an evaluation column (checked when the data is loaded)
 * @param binSize {@code bin_size}: {@code hour} or {@code day}
 */
public record ContinuousInfo(String timestampCol, String binSize) {

  /** The bin sizes accepted, with their length in seconds. */
  public static final Map<String, Long> BIN_SIZES = Map.of("hour", 3600L, "day", 86400L);

  static ContinuousInfo parse(ConfigNode n) {
    n.checkKeys(List.of("timestamp_col", "bin_size"), Map.of());
    String col = n.requireString("timestamp_col");
    if (col.isBlank()) {
      throw new ConfigException(n.key("timestamp_col"), "must not be empty");
    }
    String size = n.requireString("bin_size");
    if (!BIN_SIZES.containsKey(size)) {
      throw new ConfigException(
          n.key("bin_size"), "'" + size + "': expected 'hour' or 'day' (bins aligned in UTC)");
    }
    return new ContinuousInfo(col, size);
  }

  /** The bin size in seconds: 3600 or 86400. */
  public long binSizeSeconds() {
    return BIN_SIZES.get(binSize);
  }

  /** The {@code bin_size} name of a size in seconds (3600 or 86400), or null for another size. */
  public static String binSizeName(long seconds) {
    return seconds == 3600 ? "hour" : seconds == 86400 ? "day" : null;
  }
}
