// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import dev.rime.engine.data.FeatureType;

/** Unseen Domain: see {@link UnseenTextKindTest}. */
public final class UnseenDomainTest extends UnseenTextKindTest {

  @Override
  public String id() {
    return "unseen_domain";
  }

  @Override
  public String displayName() {
    return "Unseen Domain";
  }

  @Override
  FeatureType kind() {
    return FeatureType.DOMAIN;
  }
}
