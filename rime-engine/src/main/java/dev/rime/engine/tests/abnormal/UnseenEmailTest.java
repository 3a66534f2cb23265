// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.FeatureType;

/** Unseen Email: see {@link UnseenTextKindTest}. */
public final class UnseenEmailTest extends UnseenTextKindTest {

  @Override
  public String id() {
    return "unseen_email";
  }

  @Override
  public String displayName() {
    return "Unseen Email";
  }

  @Override
  FeatureType kind() {
    return FeatureType.EMAIL;
  }
}
