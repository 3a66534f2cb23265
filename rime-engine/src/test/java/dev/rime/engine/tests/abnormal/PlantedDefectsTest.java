// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests.abnormal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.TestStatus;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.Engine;
import dev.rime.engine.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customer-like data (600 reference rows, 200 evaluation rows, seeded) with one defect planted per
 * column in the evaluation data; the whole Abnormal Inputs category runs through the engine. Each
 * new test must flag exactly the columns with its defect, and pass or skip every clean column.
 */
class PlantedDefectsTest {

  @TempDir Path dir;

  private static final String[] COUNTRIES = {"France", "Germany", "Spain", "Italy"};
  private static final String[] MAIL = {"gmail.com", "yahoo.com", "example.org"};
  private static final String[] NOTES = {"ok", "call back", "vip", "n/a"};

  /** One clean row: ids and days follow the row number; plan follows the country. */
  private static List<String> row(int i, Random r) {
    String country = COUNTRIES[i % 4];
    String plan = country.equals("France") || country.equals("Spain") ? "basic" : "pro";
    return new ArrayList<>(
        List.of(
            Integer.toString(1000 + i), // customer_id: unique
            Integer.toString(i / 3), // signup_day: ascending in file order
            Integer.toString(18 + r.nextInt(70)), // age
            String.format(Locale.ROOT, "%.2f", 20000 + 100000 * r.nextDouble()), // income
            "user" + i + "@" + MAIL[r.nextInt(3)], // email
            "https://www.site" + r.nextInt(5) + ".com/p/" + i, // website
            "shop" + r.nextInt(3) + ".example.com", // shop (domain)
            country,
            plan,
            r.nextBoolean() ? "true" : "false", // premium
            NOTES[r.nextInt(4)], // notes
            r.nextInt(3) == 0
                ? Integer.toString(10000 + r.nextInt(90000))
                : "PC " + r.nextInt(999)));
  }

  private static final String HEADER =
      "customer_id,signup_day,age,income,email,website,shop,country,plan,premium,notes,ticket";

  private static String csvLine(List<String> fields) {
    return fields.stream()
        .map(f -> f.contains(",") ? "\"" + f + "\"" : f)
        .collect(Collectors.joining(","));
  }

  @Test
  void eachTestFlagsItsPlantedDefectAndPassesCleanColumns() {
    Random r = new Random(20261202);
    List<String> ref = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 600; i++) {
      ref.add(csvLine(row(i, r)));
    }
    List<String> eval = new ArrayList<>(List.of(HEADER));
    for (int i = 600; i < 800; i++) {
      List<String> f = row(i, r);
      switch (i - 600) {
        case 0, 1 -> f.set(2, "abc"); // age not an integer
        case 2 -> f.set(3, "9000000.00"); // income outlier
        case 3, 4, 5 -> f.set(4, "user" + i + "@newmail.io"); // unseen e-mail domain
        case 6 -> f.set(5, "www.site1.com/p/" + i); // URL without a scheme
        case 7, 8 -> f.set(7, "FRANCE"); // capitalization (plan stays basic: consistent)
        case 9, 10 -> {
          f.set(7, "Germany"); // Germany never has the basic plan in the reference
          f.set(8, "basic");
        }
        case 11 -> f.set(9, "maybe"); // premium not a boolean
        case 12 -> f.set(10, "   "); // blank notes
        default -> {}
      }
      eval.add(csvLine(f));
    }
    Fixtures.csv(dir, "ref.csv", ref);
    Fixtures.csv(dir, "eval.csv", eval);
    Map<String, Object> config = Fixtures.config("ref.csv", "eval.csv", null, null);
    config.put("tests_config", Map.of("categories", List.of("Abnormal Inputs")));

    TestRunResult result = Engine.run(config, dir, null);

    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("numeric_outlier", Set.of("income"));
    expected.put("unseen_domain", Set.of());
    expected.put("unseen_email", Set.of("email"));
    expected.put("unseen_url", Set.of());
    expected.put("rare_categories", Set.of());
    expected.put("req_characters", Set.of("website"));
    expected.put("inconsistencies", Set.of("country+plan"));
    expected.put("capitalization", Set.of("country"));
    expected.put("empty_string", Set.of("notes"));
    expected.put("int_feature_type", Set.of("age"));
    expected.put("float_feature_type", Set.of());
    expected.put("str_feature_type", Set.of());
    expected.put("bool_feature_type", Set.of("premium"));
    expected.put("url_feature_type", Set.of("website"));
    expected.put("domain_feature_type", Set.of());
    expected.put("email_feature_type", Set.of());
    Map<String, Set<String>> failing = new LinkedHashMap<>();
    expected.keySet().forEach(id -> failing.put(id, new TreeSet<>()));
    for (TestCase c : result.testCases()) {
      if (failing.containsKey(c.testId())) {
        assertThat(c.description()).as(c.testId()).doesNotStartWith("test raised");
        if (c.status() == TestStatus.FAIL) {
          failing.get(c.testId()).add(String.join("+", c.features()));
        }
      }
    }
    assertThat(failing).isEqualTo(expected);

    // The kinds and the skips that keep identifiers and counters out of Numeric Outliers.
    assertThat(result.summary().features())
        .extracting(f -> f.name() + ":" + f.type())
        .contains("email:email", "website:url", "shop:domain", "premium:boolean");
    assertThat(result.testCases())
        .filteredOn(c -> c.testId().equals("numeric_outlier"))
        .filteredOn(c -> c.status() == TestStatus.SKIP)
        .extracting(c -> c.features().get(0))
        .containsExactlyInAnyOrder("customer_id", "signup_day");
  }
}
