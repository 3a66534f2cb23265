// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.CustomImage;

/**
 * How to run an incremental continuous test on a CT instance, besides its config: whether bins the
 * instance already has are tested again and replaced ({@code overrideExistingBins}, default false:
 * they are kept), and the image and resources, with the same defaults as a stress test.
 */
public final class IncrementalTestOptions {

  private static final IncrementalTestOptions DEFAULTS = builder().build();

  private final StressTestOptions job;
  private final boolean overrideExistingBins;

  private IncrementalTestOptions(StressTestOptions job, boolean overrideExistingBins) {
    this.job = job;
    this.overrideExistingBins = overrideExistingBins;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static IncrementalTestOptions defaults() {
    return DEFAULTS;
  }

  /** Image and resources (the project is the instance's). */
  public StressTestOptions job() {
    return job;
  }

  public boolean overrideExistingBins() {
    return overrideExistingBins;
  }

  @Override
  public String toString() {
    return "IncrementalTestOptions[" + job + ", overrideExistingBins=" + overrideExistingBins + "]";
  }

  /** Builds {@link IncrementalTestOptions}. */
  public static final class Builder {
    private final StressTestOptions.Builder job = StressTestOptions.builder();
    private boolean overrideExistingBins;

    private Builder() {}

    /** Test again, and replace, bins the instance already has (default: keep them). */
    public Builder overrideExistingBins(boolean override) {
      this.overrideExistingBins = override;
      return this;
    }

    /** Run on this RIME managed image (null: none). */
    public Builder rimeManagedImage(String rimeManagedImage) {
      job.rimeManagedImage(rimeManagedImage);
      return this;
    }

    /** Run on this custom container image (null: none). */
    public Builder customImage(CustomImage customImage) {
      job.customImage(customImage);
      return this;
    }

    /** Megabytes of RAM to request; see {@link StressTestOptions.Builder#ramRequestMegabytes}. */
    public Builder ramRequestMegabytes(int megabytes) {
      job.ramRequestMegabytes(megabytes);
      return this;
    }

    /** Millicores to request; see {@link StressTestOptions.Builder#cpuRequestMillicores}. */
    public Builder cpuRequestMillicores(int millicores) {
      job.cpuRequestMillicores(millicores);
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when both a custom image and a managed image are named
     */
    public IncrementalTestOptions build() {
      return new IncrementalTestOptions(job.build(), overrideExistingBins);
    }
  }
}
