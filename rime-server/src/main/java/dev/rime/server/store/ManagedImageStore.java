// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipLibrary;
import dev.rime.api.PipLibraryFilter;
import java.util.List;
import java.util.Optional;

/**
 * Managed images and the libraries their last good build installed. Every change of a build's
 * outcome is conditional on the build still being the image's current one ({@code buildId}), so a
 * build that was replaced, restarted or whose image was deleted changes nothing.
 */
public interface ManagedImageStore {

  /**
   * Stores a new image.
   *
   * @throws DuplicateKeyException when an image of that name exists
   */
  void insert(ManagedImageRecord image);

  Optional<ManagedImageRecord> get(String name);

  /**
   * Images by name after {@code afterName} (exclusive; null from the start), at most {@code limit},
   * keeping those whose libraries match every filter: the name compared as pip normalizes names,
   * the version exactly when the filter has one.
   */
  List<ManagedImageRecord> list(List<PipLibraryFilter> filters, String afterName, int limit);

  /** Every image (for the builder's start-up check). */
  List<ManagedImageRecord> all();

  /**
   * Build {@code buildId} succeeded: READY with its python, runner version and libraries (replacing
   * the previous ones).
   *
   * @return false when the build is no longer the image's current one (nothing changed)
   */
  boolean markReady(
      String name,
      String buildId,
      String pythonPath,
      String runnerVersion,
      List<PipLibrary> libraries,
      long nowMillis);

  /**
   * Build {@code buildId} failed: FAILED with the message; the image's python and libraries are
   * cleared.
   *
   * @return false when the build is no longer the image's current one
   */
  boolean markFailed(String name, String buildId, String errorMessage, long nowMillis);

  /**
   * Starts a new build of an image whose current build is {@code expectedBuildId}: status {@code
   * status} (a building one), build {@code newBuildId}, error cleared.
   *
   * @return false when the image is gone or its build is no longer {@code expectedBuildId}
   */
  boolean restartBuild(
      String name,
      String expectedBuildId,
      ManagedImageStatus status,
      String newBuildId,
      long nowMillis);

  /**
   * A READY image whose runner version is not {@code currentRunnerVersion} becomes OUTDATED.
   *
   * @return whether it changed
   */
  boolean markOutdated(String name, String currentRunnerVersion, long nowMillis);

  /** Removes an image and its libraries; false when there was none. */
  boolean delete(String name);
}
