// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

/**
 * Bounded Single-Feature Changes ({@code sensitivity}, RIME's {@code SensitivityTest}): the largest
 * prediction change from moving one numeric feature of an evaluation row by at most {@code
 * linf_constraint} times its reference range.
 */
public final class BoundedSingleFeatureChangesTest extends FeatureChangeTest {

  public BoundedSingleFeatureChangesTest() {
    super(true, false);
  }

  @Override
  public String id() {
    return "sensitivity";
  }

  @Override
  public String displayName() {
    return "Bounded Single-Feature Changes";
  }
}
