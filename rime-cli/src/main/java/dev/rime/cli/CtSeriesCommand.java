// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.TimeSeriesResponse;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rime ct series}: one metric over a CT instance's bins, as CSV. */
@Command(
    name = "series",
    mixinStandardHelpOptions = true,
    description = {
      "Print one metric over a CT instance's bins as CSV (start,end,value; empty when undefined).",
      "Metric ids: docs/continuous-testing.md (e.g. prediction_drift_psi, test_pass_rate)."
    })
final class CtSeriesCommand implements Callable<Integer> {

  @Mixin Connection connection;

  @Parameters(index = "0", paramLabel = "CT_INSTANCE_ID", description = "The CT instance.")
  String ctInstanceId;

  @Option(names = "--metric", required = true, description = "The metric id.")
  String metric;

  @Option(names = "--feature", description = "The feature (default: the overall series).")
  String feature;

  @Override
  public Integer call() {
    TimeSeriesResponse series =
        connection.client().getCtInstance(ctInstanceId).getTimeSeries(metric, feature);
    System.out.println("start,end,value");
    for (TimeSeriesResponse.Point p : series.points()) {
      System.out.println(
          Instant.ofEpochSecond(p.startTimeSecs())
              + ","
              + Instant.ofEpochSecond(p.endTimeSecs())
              + ","
              + (p.value() == null ? "" : p.value().toString()));
    }
    return 0;
  }
}
