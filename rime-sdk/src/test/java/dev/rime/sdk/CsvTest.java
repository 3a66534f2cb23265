// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain | plain",
        "a,b | '\"a,b\"'",
        "say \"hi\" | '\"say \"\"hi\"\"\"'",
        "'' | ''",
        "' lead' | ' lead'",
      })
  void quotes_only_when_needed(String text, String expected) {
    assertThat(Csv.quote(text)).isEqualTo(expected);
  }

  @Test
  void quotes_line_breaks() {
    assertThat(Csv.quote("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(Csv.quote("a\rb")).isEqualTo("\"a\rb\"");
  }

  @Test
  void writes_cells_of_every_kind_with_crlf() throws Exception {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", "v");
    map.put("n", null);
    StringWriter out = new StringWriter();

    Csv.writeRecord(
        out, Arrays.asList("s", null, 3, 4L, 0.25, 1234.0, true, List.of("x", 1), map, ""));

    assertThat(out.toString())
        .isEqualTo(
            "s,,3,4,0.25,1234.0,true,\"[\"\"x\"\",1]\",\"{\"\"k\"\":\"\"v\"\",\"\"n\"\":null}\",\r\n");
  }

  @Test
  void text_keeps_null_and_strings() {
    assertThat(Csv.text(null)).isNull();
    assertThat(Csv.text("a,b")).isEqualTo("a,b");
    assertThat(Csv.text(List.of())).isEqualTo("[]");
  }
}
