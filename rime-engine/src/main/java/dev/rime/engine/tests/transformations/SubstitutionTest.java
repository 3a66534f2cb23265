// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import dev.rime.api.result.TestCase;
import dev.rime.engine.data.Column;
import dev.rime.engine.tests.Param;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.util.ArrayList;
import java.util.List;

/**
 * A transformation test: which features the abnormality applies to and what value it writes into
 * them; {@link Transformations} samples, calls the model and judges.
 */
abstract class SubstitutionTest implements StressTest {

  @Override
  public String category() {
    return Transformations.CATEGORY;
  }

  /** The test's own parameters, before {@code performance_change_config}. */
  List<Param> ownParams() {
    return List.of();
  }

  @Override
  public final List<Param> params() {
    List<Param> out = new ArrayList<>(ownParams());
    out.add(Transformations.performanceChangeConfig());
    return List.copyOf(out);
  }

  /** The features the abnormality applies to. */
  abstract List<Column> features(TestContext ctx, TestParams params);

  /** What the features are called in "no … features to test". */
  abstract String kind();

  /** The value written into {@code c}; may throw a SkipTest for this feature. */
  abstract Substitution substitute(TestContext ctx, TestParams params, Column c);

  @Override
  public List<TestCase> run(TestContext ctx, TestParams params) {
    return Transformations.run(
        ctx, this, params, features(ctx, params), kind(), c -> substitute(ctx, params, c));
  }
}
