// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Db;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectedGroupsTest {

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Column column(TestContext ctx, String name) {
    return ctx.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** Evaluation rows per group name. */
  private static Map<String, Long> sizes(TestContext ctx, String name) {
    Map<String, Long> out = new LinkedHashMap<>();
    ProtectedGroups.of(ctx, column(ctx, name))
        .labelCounts(ctx)
        .forEach(
            (g, byLabel) ->
                out.put(
                    ProtectedGroups.name(g),
                    byLabel.values().stream().mapToLong(Long::longValue).sum()));
    return out;
  }

  @Test
  void numbersAreCutAtReferenceQuantilesWithNaNMissingAndInfinityInTheEndBins() {
    // Reference 1..20: deciles 1 + 19k/10, numpy 2.1.3's np.quantile(np.arange(1, 21),
    // np.arange(1, 10) / 10) = 2.9000000000000004, 4.800000000000001, ..., 18.1. The evaluation
    // file has text in the column ('n/a' is missing, as NaN), -inf and inf.
    List<String> ref = new ArrayList<>(List.of("x,y"));
    for (int i = 1; i <= 20; i++) {
      ref.add(i + ",0");
    }
    List<String> eval =
        List.of("x,y", "1,0", "2.9,0", "3,1", "inf,0", "-inf,0", "NaN,1", "n/a,0", ",0");
    TestContext ctx = Tiny.context(db, dir, ref, eval, List.of("x"));
    ProtectedGroups g = ProtectedGroups.of(ctx, column(ctx, "x"));
    assertThat(g.bins())
        .hasSize(10)
        .startsWith("(-inf, 2.9000000000000004]", "(2.9000000000000004, 4.800000000000001]")
        .endsWith("(18.1, inf)");
    assertThat(sizes(ctx, "x"))
        .containsExactly(
            Map.entry("(-inf, 2.9000000000000004]", 3L),
            Map.entry("(2.9000000000000004, 4.800000000000001]", 1L),
            Map.entry("(18.1, inf)", 1L),
            Map.entry("null", 3L));
    // Label classes per group, rows without a label under null.
    Map<String, Map<String, Long>> counts = g.labelCounts(ctx);
    assertThat(counts.get("(2.9000000000000004, 4.800000000000001]"))
        .containsExactly(Map.entry("1", 1L));
  }

  @Test
  void textGroupsKeepUnicodeAndBlankValues() {
    // DuckDB reads an empty CSV field as null; a blank one (" ") stays a value.
    List<String> data = List.of("p,y", "日本,1", "é,0", " ,0", ",1", "1.0,0", "1,1");
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("p"));
    assertThat(sizes(ctx, "p"))
        .containsOnlyKeys(" ", "1", "1.0", "é", "日本", "null")
        .containsEntry("null", 1L);
  }

  @Test
  void featuresAreTheProtectedOnesNotExcluded() {
    List<String> data = List.of("a,b,c", "1,2,3");
    TestContext ctx = Tiny.context(db, dir, data, data, List.of("c", "a"));
    TestParams params = new TestParams("tests_config.x", Map.of(), List.of("a"));
    assertThat(ProtectedGroups.features(ctx, params)).extracting(Column::name).containsExactly("c");
    List<String> only = List.of("a,b", "1,2");
    TestContext refOnly = Tiny.context(db, dir, List.of("a,b,z", "1,2,3"), only, List.of("z"));
    assertThatThrownBy(() -> ProtectedGroups.of(refOnly, column(refOnly, "z")))
        .isInstanceOf(SkipTest.class)
        .hasMessage("'z' is not a column of the evaluation data");
  }
}
