// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.attacks;

/**
 * Multi-Feature Changes ({@code multi_feat_vulnerability}): the largest prediction change from
 * setting up to {@code l0} numeric or categorical features of an evaluation row to values seen in
 * the reference data (greedy search).
 */
public final class MultiFeatureChangesTest extends FeatureChangeTest {

  public MultiFeatureChangesTest() {
    super(false, true);
  }

  @Override
  public String id() {
    return "multi_feat_vulnerability";
  }

  @Override
  public String displayName() {
    return "Multi-Feature Changes";
  }

  /** Off by default in RIME: runs only with {@code "run": true}. */
  @Override
  public boolean runsByDefault() {
    return false;
  }
}
