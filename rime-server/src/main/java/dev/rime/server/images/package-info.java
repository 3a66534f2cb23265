// SPDX-License-Identifier: Apache-2.0
/**
 * Managed images on this machine: each is a Python virtual environment built by pip from the
 * image's requirements plus the model runner's own pinned libraries ({@link
 * dev.rime.server.images.RunnerEnvironment}); {@link dev.rime.server.images.ImageBuilds} runs the
 * builds side by side, each in a folder of its own, and records their outcome (ADR 0018).
 */
package dev.rime.server.images;
