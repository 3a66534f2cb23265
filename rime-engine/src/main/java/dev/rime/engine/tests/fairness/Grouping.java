// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.fairness;

import dev.rime.engine.data.Column;
import dev.rime.engine.data.Sql;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a group fairness test splits the evaluation rows: the groups of one protected feature ({@link
 * ProtectedGroups}), or of several crossed (intersectional), a row's group then naming each
 * feature's group, e.g. {@code sex=F & age=(30, 45]} (a missing value is that feature's {@code
 * null} group).
 *
 * @param features the features whose groups these are (the test case's features)
 * @param keyExpr SQL of a row's group, a VARCHAR, null only for a single feature's missing value
 * @param order how tables list the groups
 * @param description how the groups were formed, for test case details
 */
record Grouping(
    List<String> features, String keyExpr, Comparator<String> order, String description) {

  /** The groups of one protected feature. */
  static Grouping of(ProtectedGroups g) {
    return new Grouping(List.of(g.column().name()), g.keyExpr(), g.order(), g.description());
  }

  /** The crossed groups of several protected features. */
  static Grouping crossed(List<ProtectedGroups> parts) {
    List<String> names = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (ProtectedGroups g : parts) {
      names.add(g.column().name());
      keys.add(
          Sql.str(g.column().name() + "=")
              + " || coalesce("
              + g.keyExpr()
              + ", "
              + Sql.str(ProtectedGroups.NULL_GROUP)
              + ")");
    }
    return new Grouping(
        List.copyOf(names),
        "(" + String.join(" || ' & ' || ", keys) + ")",
        Comparator.nullsLast(Comparator.naturalOrder()),
        "the crossed groups of "
            + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
            + " (each feature's values, numeric ones in bins between reference quantiles at"
            + " k/num_subsets, missing values a group of their own)");
  }

  /**
   * The features an intersectional test crosses: every pair of the protected features (in the order
   * given), then each of {@code data_info.intersections} (any features of the data, none excluded);
   * a crossing listed twice runs once.
   *
   * @param columns every column of the run, to find the intersections' features
   * @param excluded the test's excluded columns
   */
  static List<List<Column>> crossings(
      List<Column> protectedFeatures,
      List<List<String>> given,
      List<Column> columns,
      List<String> excluded) {
    Set<Set<String>> seen = new LinkedHashSet<>();
    List<List<Column>> out = new ArrayList<>();
    for (int i = 0; i < protectedFeatures.size(); i++) {
      for (int j = i + 1; j < protectedFeatures.size(); j++) {
        List<Column> pair = List.of(protectedFeatures.get(i), protectedFeatures.get(j));
        if (seen.add(names(pair))) {
          out.add(pair);
        }
      }
    }
    for (List<String> names : given) {
      if (names.stream().anyMatch(excluded::contains)) {
        continue;
      }
      List<Column> crossing = new ArrayList<>();
      for (String n : names) {
        columns.stream().filter(c -> c.name().equals(n)).findFirst().ifPresent(crossing::add);
      }
      if (crossing.size() == names.size() && seen.add(names(crossing))) {
        out.add(List.copyOf(crossing));
      }
    }
    return out;
  }

  private static Set<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.toSet());
  }
}
