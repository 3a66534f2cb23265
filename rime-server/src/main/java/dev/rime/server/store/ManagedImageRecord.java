// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipLibrary;
import dev.rime.api.PipRequirement;
import java.util.List;

/**
 * A managed image as stored.
 *
 * @param buildId the current build (its folder); a build's outcome is stored only while it is still
 *     the current one
 * @param pythonPath the environment's python once a build succeeded (null otherwise)
 * @param libraries what {@code pip list} reported after the last successful build
 */
public record ManagedImageRecord(
    String name,
    ManagedImageStatus status,
    List<PipRequirement> requirements,
    String pythonVersion,
    String buildId,
    String runnerVersion,
    String pythonPath,
    String errorMessage,
    long createdAtMillis,
    long updatedAtMillis,
    List<PipLibrary> libraries) {

  public ManagedImageRecord {
    requirements = List.copyOf(requirements);
    libraries = List.copyOf(libraries);
  }

  /** A new image, building for the first time. */
  public static ManagedImageRecord building(
      String name,
      List<PipRequirement> requirements,
      String pythonVersion,
      String buildId,
      long nowMillis) {
    return new ManagedImageRecord(
        name,
        ManagedImageStatus.STATUS_BUILDING_FIRST_TIME,
        requirements,
        pythonVersion,
        buildId,
        null,
        null,
        null,
        nowMillis,
        nowMillis,
        List.of());
  }

  public ManagedImage toApi() {
    return new ManagedImage(
        name,
        status,
        requirements,
        libraries,
        pythonVersion,
        runnerVersion,
        errorMessage,
        createdAtMillis / 1000L,
        updatedAtMillis / 1000L);
  }
}
