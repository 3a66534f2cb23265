// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/**
 * A managed image: on the local executor, a Python virtual environment the server builds from pip
 * requirements plus the model runner's own libraries.
 *
 * @param name unique name, {@code ^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$}
 * @param status where its build stands
 * @param pipRequirements what was asked for
 * @param pipLibraries every library installed, as {@code pip list} reported it after the last
 *     successful build (empty before)
 * @param pythonVersion the Python version (X.Y) the environment runs
 * @param runnerVersion the version of RIME's model runner the environment was built for (a hash of
 *     the runner and its pinned requirements); null before the first successful build
 * @param errorMessage why the last build failed (pip's error), or null
 * @param creationTimeSecs when the image was created, seconds since the epoch
 * @param updateTimeSecs when its status last changed, seconds since the epoch
 */
public record ManagedImage(
    String name,
    ManagedImageStatus status,
    List<PipRequirement> pipRequirements,
    List<PipLibrary> pipLibraries,
    String pythonVersion,
    String runnerVersion,
    String errorMessage,
    long creationTimeSecs,
    long updateTimeSecs) {

  /** RIME's naming rule for managed images (the container registry's). */
  public static final String NAME_PATTERN = "^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$";

  /** Longest name accepted. */
  public static final int MAX_NAME_LENGTH = 128;
}
