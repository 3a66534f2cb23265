// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * A container image to run a job in, with an optional Kubernetes pull secret. Only the Kubernetes
 * executor can run one; the local executor says so when asked to.
 */
public record CustomImage(String name, PullSecret pullSecret) {

  /** Name of a Kubernetes image pull secret that already exists in the cluster. */
  public record PullSecret(String name) {}

  /** An image without a pull secret. */
  public static CustomImage of(String name) {
    return new CustomImage(name, null);
  }
}
