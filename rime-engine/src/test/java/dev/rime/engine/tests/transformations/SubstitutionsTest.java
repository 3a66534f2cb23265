// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.transformations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.engine.Fixtures;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each transformation writes into its features, read from the rows a constant model (0.3, so
 * every case passes) was given. Reference n: 1.5, 2.5, 8.5, 9.5 (min 1.5, max 9.5, mean 5.5, sample
 * standard deviation √(50/3) = 4.0825).
 */
class SubstitutionsTest {

  @TempDir Path dir;
  private Db db;
  private SqlModel model;

  @BeforeEach
  void write() {
    db = Db.open();
    Fixtures.csv(
        dir,
        "ref.csv",
        "n,city,email",
        "1.5,Paris,ann@mail.com",
        "2.5,Rome,bob@post.org",
        "8.5,Oslo,cy@mail.com",
        "9.5,Bern,dee@post.org");
    Fixtures.csv(
        dir,
        "eval.csv",
        "n,city,email",
        "2.5,Paris,ann@mail.com",
        "3.5,rome,bob@post.org",
        "7.5,OSLO,cy@mail.com",
        "8.5,Bern,dee@post.org");
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Runs {@code t}; returns column {@code col} (0-based) of the perturbed rows of its feature. */
  private List<String> given(StressTest t, String feature, int col) {
    var config = Fixtures.config("ref.csv", "eval.csv", null, null);
    // Listing the categorical features makes n numeric despite its 4 distinct values.
    Fixtures.dataInfo(config).put("categorical_features", List.of("city"));
    TestContext ctx = Fixtures.context(db, config, dir);
    model = new SqlModel("0.3", null);
    ctx.setModel(model);
    List<TestCase> cases = t.run(ctx, TestParams.defaults(t));
    TestCase c =
        cases.stream().filter(k -> k.features().equals(List.of(feature))).findFirst().orElseThrow();
    assertThat(c.status()).as(c.description()).isEqualTo(TestStatus.PASS);
    int index = cases.indexOf(c);
    // One batched call after the unperturbed sample: the feature's 4 rows are block `index`.
    List<List<String>> rows = model.calls.get(model.calls.size() - 1);
    int from = rows.size() == 4 ? 0 : 4 * index;
    return rows.subList(from, from + 4).stream().map(r -> r.get(col)).collect(Collectors.toList());
  }

  @Test
  void outOfRangeAlternatesAboveAndBelowByStdFactorDeviations() {
    List<String> v = given(new OutOfRangeSubstitutionTest(), "n", 0);
    double sd = Math.sqrt(50.0 / 3);
    assertThat(Double.parseDouble(v.get(0))).isCloseTo(9.5 + 3 * sd, Offset.offset(1e-9));
    assertThat(Double.parseDouble(v.get(1))).isCloseTo(1.5 - 3 * sd, Offset.offset(1e-9));
    assertThat(Double.parseDouble(v.get(2))).isCloseTo(9.5 + 3 * sd, Offset.offset(1e-9));
  }

  @Test
  void outliersLieBeyondTheNumericOutlierThresholds() {
    // Q(0.005) = 1.515, Q(0.1) = 1.8, Q(0.9) = 9.2, Q(0.995) = 9.485 (linear, positions 3q);
    // lower = 1.515 − 0.285 = 1.23, upper = 9.485 + 0.285 = 9.77; spread w = 7.97.
    List<String> v = given(new OutlierSubstitutionTest(), "n", 0);
    assertThat(Double.parseDouble(v.get(0))).isCloseTo(9.77 + 7.97, Offset.offset(1e-9));
    assertThat(Double.parseDouble(v.get(1))).isCloseTo(1.23 - 7.97, Offset.offset(1e-9));
  }

  @Test
  void textSubstitutions() {
    assertThat(given(new CapitalizationChangeTest(), "city", 1))
        .containsExactly("PARIS", "ROME", "oslo", "BERN");
    assertThat(given(new EmptyStringSubstitutionTest(), "city", 1)).containsExactly("", "", "", "");
    assertThat(given(new UnseenCategoricalSubstitutionTest(), "city", 1))
        .containsOnly("rime_unseen_category");
    // '@' and '.' are required in an e-mail address.
    assertThat(given(new RequiredCharactersDeletionTest(), "email", 2))
        .containsExactly("annmailcom", "bobpostorg", "cymailcom", "deepostorg");
    assertThat(given(new UnseenEmailSubstitutionTest(), "email", 2))
        .containsOnly("user@rime-unseen-domain.com");
    assertThat(given(new NullSubstitutionTest(), "email", 2)).containsOnly((String) null);
  }
}
