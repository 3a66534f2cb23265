// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.CustomImage;

/**
 * How to run a continuous test from a reference, besides its config: the project, the name of the
 * CT instance it creates (the config's {@code run_name} when not given), and the image and
 * resources, with the same defaults as a stress test ({@link StressTestOptions}).
 */
public final class ContinuousTestOptions {

  private static final ContinuousTestOptions DEFAULTS = builder().build();

  private final StressTestOptions job;
  private final String ctInstanceName;

  private ContinuousTestOptions(StressTestOptions job, String ctInstanceName) {
    this.job = job;
    this.ctInstanceName = ctInstanceName;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static ContinuousTestOptions defaults() {
    return DEFAULTS;
  }

  /** Project, image and resources. */
  public StressTestOptions job() {
    return job;
  }

  /** Name of the CT instance the run creates, or null (the config's {@code run_name}). */
  public String ctInstanceName() {
    return ctInstanceName;
  }

  @Override
  public String toString() {
    return "ContinuousTestOptions[" + job + ", ctInstanceName=" + ctInstanceName + "]";
  }

  /** Builds {@link ContinuousTestOptions}. */
  public static final class Builder {
    private final StressTestOptions.Builder job = StressTestOptions.builder();
    private String ctInstanceName;

    private Builder() {}

    /** The project to file the runs and the CT instance under (null: the default project). */
    public Builder projectId(String projectId) {
      job.projectId(projectId);
      return this;
    }

    /** Name of the CT instance the run creates (null: the config's {@code run_name}). */
    public Builder ctInstanceName(String name) {
      this.ctInstanceName = name;
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
    public ContinuousTestOptions build() {
      return new ContinuousTestOptions(job.build(), ctInstanceName);
    }
  }
}
