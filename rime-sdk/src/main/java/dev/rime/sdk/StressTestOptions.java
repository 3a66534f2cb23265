// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.CustomImage;
import dev.rime.api.StartStressTestRequest;
import java.util.Objects;

/**
 * How to run a stress test, besides its config: the project to file it under and the image and
 * resources to run it with. Every option is optional; the server's defaults are the default
 * project, its default image, {@value StartStressTestRequest#DEFAULT_RAM_REQUEST_MEGABYTES} MB of
 * RAM and {@value StartStressTestRequest#DEFAULT_CPU_REQUEST_MILLICORES} millicores (limits are
 * twice the requests).
 *
 * <pre>{@code
 * StressTestOptions options = StressTestOptions.builder()
 *     .projectId(project.projectId())
 *     .rimeManagedImage("xgboost102")
 *     .ramRequestMegabytes(8000)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; {@link #toBuilder()} starts a changed copy.
 */
public final class StressTestOptions {

  private static final StressTestOptions DEFAULTS = builder().build();

  private final String projectId;
  private final String rimeManagedImage;
  private final CustomImage customImage;
  private final Integer ramRequestMegabytes;
  private final Integer cpuRequestMillicores;

  private StressTestOptions(Builder b) {
    this.projectId = b.projectId;
    this.rimeManagedImage = b.rimeManagedImage;
    this.customImage = b.customImage;
    this.ramRequestMegabytes = b.ramRequestMegabytes;
    this.cpuRequestMillicores = b.cpuRequestMillicores;
  }

  /** A builder with every option unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every option unset: the server's defaults. */
  public static StressTestOptions defaults() {
    return DEFAULTS;
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.projectId = projectId;
    b.rimeManagedImage = rimeManagedImage;
    b.customImage = customImage;
    b.ramRequestMegabytes = ramRequestMegabytes;
    b.cpuRequestMillicores = cpuRequestMillicores;
    return b;
  }

  /** The project to file the run under; null for the default project. */
  public String projectId() {
    return projectId;
  }

  /** The name of the RIME managed image to run on, or null. */
  public String rimeManagedImage() {
    return rimeManagedImage;
  }

  /** The custom container image to run on, or null. */
  public CustomImage customImage() {
    return customImage;
  }

  /** Megabytes of RAM to request, or null for the server's default. */
  public Integer ramRequestMegabytes() {
    return ramRequestMegabytes;
  }

  /** Millicores of CPU to request, or null for the server's default. */
  public Integer cpuRequestMillicores() {
    return cpuRequestMillicores;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StressTestOptions)) {
      return false;
    }
    StressTestOptions other = (StressTestOptions) o;
    return Objects.equals(projectId, other.projectId)
        && Objects.equals(rimeManagedImage, other.rimeManagedImage)
        && Objects.equals(customImage, other.customImage)
        && Objects.equals(ramRequestMegabytes, other.ramRequestMegabytes)
        && Objects.equals(cpuRequestMillicores, other.cpuRequestMillicores);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        projectId, rimeManagedImage, customImage, ramRequestMegabytes, cpuRequestMillicores);
  }

  @Override
  public String toString() {
    return "StressTestOptions[projectId="
        + projectId
        + ", rimeManagedImage="
        + rimeManagedImage
        + ", customImage="
        + customImage
        + ", ramRequestMegabytes="
        + ramRequestMegabytes
        + ", cpuRequestMillicores="
        + cpuRequestMillicores
        + "]";
  }

  /** Builds {@link StressTestOptions}; checks the options together in {@link #build()}. */
  public static final class Builder {
    private String projectId;
    private String rimeManagedImage;
    private CustomImage customImage;
    private Integer ramRequestMegabytes;
    private Integer cpuRequestMillicores;

    private Builder() {}

    /** The project to file the run under (null: the default project). */
    public Builder projectId(String projectId) {
      this.projectId = projectId;
      return this;
    }

    /** Run on this RIME managed image (null: none). */
    public Builder rimeManagedImage(String rimeManagedImage) {
      this.rimeManagedImage = rimeManagedImage;
      return this;
    }

    /** Run on this custom container image (null: none). */
    public Builder customImage(CustomImage customImage) {
      this.customImage = customImage;
      return this;
    }

    /**
     * Megabytes of RAM to request; the limit is twice this.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder ramRequestMegabytes(int megabytes) {
      if (megabytes <= 0) {
        throw new IllegalArgumentException(
            "ramRequestMegabytes must be positive, got " + megabytes);
      }
      this.ramRequestMegabytes = megabytes;
      return this;
    }

    /**
     * Millicores of CPU to request; the limit is twice this.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder cpuRequestMillicores(int millicores) {
      if (millicores <= 0) {
        throw new IllegalArgumentException(
            "cpuRequestMillicores must be positive, got " + millicores);
      }
      this.cpuRequestMillicores = millicores;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException when both a custom image and a managed image are named
     */
    public StressTestOptions build() {
      if (customImage != null && rimeManagedImage != null) {
        throw new IllegalArgumentException(
            "Cannot specify both custom_image and rime_managed_image");
      }
      return new StressTestOptions(this);
    }
  }
}
