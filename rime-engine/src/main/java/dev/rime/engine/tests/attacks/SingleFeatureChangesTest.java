// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

/**
 * Single-Feature Changes ({@code vulnerability}, RIME's {@code VulnerabilityTest}): the largest
 * prediction change from setting one numeric or categorical feature of an evaluation row to a value
 * seen in the reference data.
 */
public final class SingleFeatureChangesTest extends FeatureChangeTest {

  public SingleFeatureChangesTest() {
    super(false, false);
  }

  @Override
  public String id() {
    return "vulnerability";
  }

  @Override
  public String displayName() {
    return "Single-Feature Changes";
  }

  /** Off by default in RIME: runs only with {@code "run": true}. */
  @Override
  public boolean runsByDefault() {
    return false;
  }
}
