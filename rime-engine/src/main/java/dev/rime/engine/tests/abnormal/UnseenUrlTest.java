// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.FeatureType;

/** Unseen URL: see {@link UnseenTextKindTest}. */
public final class UnseenUrlTest extends UnseenTextKindTest {

  @Override
  public String id() {
    return "unseen_url";
  }

  @Override
  public String displayName() {
    return "Unseen URL";
  }

  @Override
  FeatureType kind() {
    return FeatureType.URL;
  }
}
