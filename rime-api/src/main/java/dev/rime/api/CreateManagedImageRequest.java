// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/**
 * Body of {@code createManagedImage}: a new image's name, its pip requirements and, optionally, the
 * Python version (X.Y) it runs; without one, the server's default python.
 */
public record CreateManagedImageRequest(
    String name, List<PipRequirement> pipRequirements, String pythonVersion) {}
