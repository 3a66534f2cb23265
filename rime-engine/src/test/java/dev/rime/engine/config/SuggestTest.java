// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {

  @Test
  void levenshteinDistance() {
    assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggest.distance("lable_col", "label_col")).isEqualTo(2);
    assertThat(Suggest.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void closestWithinReachOrNone() {
    List<String> keys = List.of("ref_path", "eval_path", "label_col", "pred_col");
    assertThat(Suggest.closest("lable_col", keys)).isEqualTo("label_col");
    assertThat(Suggest.closest("completely_different", keys)).isNull();
    assertThat(Suggest.unknown("key", "zzzzzzzzzzzz", keys))
        .isEqualTo("unknown key; expected one of ref_path, eval_path, label_col, pred_col");
  }
}
