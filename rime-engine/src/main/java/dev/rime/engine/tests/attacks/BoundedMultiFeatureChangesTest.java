// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

/**
 * Bounded Multi-Feature Changes ({@code multi_feat_sensitivity}): the largest prediction change
 * from moving up to {@code l0} numeric features of an evaluation row, each by at most {@code linf}
 * times its reference range (greedy search).
 */
public final class BoundedMultiFeatureChangesTest extends FeatureChangeTest {

  public BoundedMultiFeatureChangesTest() {
    super(true, true);
  }

  @Override
  public String id() {
    return "multi_feat_sensitivity";
  }

  @Override
  public String displayName() {
    return "Bounded Multi-Feature Changes";
  }
}
