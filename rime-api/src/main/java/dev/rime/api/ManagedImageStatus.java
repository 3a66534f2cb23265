// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * Status of a managed image, as in RIME: built for the first time, then READY or FAILED; OUTDATED
 * when RIME's model runner changed since it was built, and REBUILDING while it is brought up to
 * date. Only a READY image runs jobs.
 */
public enum ManagedImageStatus {
  STATUS_BUILDING_FIRST_TIME,
  STATUS_REBUILDING,
  STATUS_READY,
  STATUS_FAILED,
  STATUS_OUTDATED;

  /** Whether a build is under way. */
  public boolean isBuilding() {
    return this == STATUS_BUILDING_FIRST_TIME || this == STATUS_REBUILDING;
  }
}
