// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.data.FeatureTypeFile.Declared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTypeFileTest {

  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path p = dir.resolve("types.csv");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsEveryTypeInFileOrder() throws Exception {
    Path p =
        file(
            "\uFEFFFeatureName,FeatureType\r\n"
                + "a,BoolCategoricalColumn\r\n"
                + "b,DomainColumn\r\n"
                + "\r\n"
                + "\"c, with comma\",EmailColumn\r\n"
                + "d ,NumericCategoricalColumn\r\n"
                + "e, StringCategoricalColumn\r\n"
                + "\"f \"\"q\"\"\",UrlColumn\r\n"
                + "g,FloatColumn\r\n"
                + "h,IntegerColumn");
    Map<String, FeatureTypeFile.Entry> m = FeatureTypeFile.read(p);
    assertThat(m.keySet())
        .containsExactly("a", "b", "c, with comma", "d", "e", "f \"q\"", "g", "h");
    assertThat(m.values())
        .extracting(FeatureTypeFile.Entry::type)
        .containsExactly(Declared.values());
    assertThat(m.get("c, with comma").line()).isEqualTo(5);
  }

  @Test
  void fieldsAreTrimmedBeforeTheyAreUnquoted() throws Exception {
    // A space after the comma, or around a quoted field, is not part of it (the quote was kept and
    // the type was unknown).
    Map<String, FeatureTypeFile.Entry> m =
        FeatureTypeFile.read(
            file(
                "FeatureName, \"FeatureType\"\n"
                    + "name, \"FloatColumn\"\n"
                    + "  \"a, b\" ,\tIntegerColumn \n"));
    assertThat(m.keySet()).containsExactly("name", "a, b");
    assertThat(m.get("name").type()).isEqualTo(Declared.FloatColumn);
    assertThat(m.get("a, b").type()).isEqualTo(Declared.IntegerColumn);
  }

  @Test
  void columnsMayComeInEitherOrder() throws Exception {
    Map<String, FeatureTypeFile.Entry> m =
        FeatureTypeFile.read(file("FeatureType,FeatureName\nIntegerColumn,age\n"));
    assertThat(m.get("age").type()).isEqualTo(Declared.IntegerColumn);
  }

  @Test
  void anUnknownTypeNamesFileLineAndValueWithASuggestion() throws Exception {
    Path p = file("FeatureName,FeatureType\nage,IntegerColumn\nfare,FloatColum\n");
    assertThatThrownBy(() -> FeatureTypeFile.read(p))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "data_info.feature_type_path: "
                + p
                + " line 3: FeatureType 'FloatColum' of 'fare': unknown feature type; did you mean"
                + " FloatColumn?");
  }

  @Test
  void malformedFilesAreErrorsNamingTheLine() throws Exception {
    assertThatThrownBy(() -> FeatureTypeFile.read(file("name,type\na,FloatColumn\n")))
        .hasMessageContaining("line 1: expected the header FeatureName,FeatureType, not name,type");
    assertThatThrownBy(() -> FeatureTypeFile.read(file("FeatureName,FeatureType\na\n")))
        .hasMessageContaining("line 2: expected 2 fields (FeatureName,FeatureType), found 1");
    assertThatThrownBy(
            () -> FeatureTypeFile.read(file("FeatureName,FeatureType\n\"a,FloatColumn\n")))
        .hasMessageContaining("line 2: unterminated quote");
    assertThatThrownBy(
            () -> FeatureTypeFile.read(file("FeatureName,FeatureType\n\"a\"b,FloatColumn\n")))
        .hasMessageContaining("line 2: text after a closing quote at character 4");
    assertThatThrownBy(
            () ->
                FeatureTypeFile.read(
                    file("FeatureName,FeatureType\na,FloatColumn\na,IntegerColumn\n")))
        .hasMessageContaining("line 3: feature 'a' is already given a type on line 2");
    assertThatThrownBy(() -> FeatureTypeFile.read(file("FeatureName,FeatureType\n,FloatColumn\n")))
        .hasMessageContaining("line 2: FeatureName is empty");
    assertThatThrownBy(() -> FeatureTypeFile.read(file("\n\n")))
        .hasMessageContaining("is empty; expected the header FeatureName,FeatureType");
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(
        latin1,
        "FeatureName,FeatureType\nb\u00e9,FloatColumn\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> FeatureTypeFile.read(latin1)).hasMessageEndingWith("not UTF-8 text");
    assertThatThrownBy(() -> FeatureTypeFile.read(dir.resolve("nope.csv")))
        .hasMessage("data_info.feature_type_path: file not found: " + dir.resolve("nope.csv"));
  }

  @Test
  void aHeaderOnlyFileTypesNothing() throws Exception {
    assertThat(FeatureTypeFile.read(file("FeatureName,FeatureType\n"))).isEmpty();
  }

  @Test
  void theConfigKeyTakesAPath() {
    java.util.Map<String, Object> config =
        dev.rime.engine.Fixtures.config("ref.csv", "eval.csv", null, null);
    dev.rime.engine.Fixtures.dataInfo(config).put("feature_type_path", "types.csv");
    assertThat(dev.rime.engine.config.TestRunConfig.parse(config).dataInfo().featureTypePath())
        .isEqualTo("types.csv");
    dev.rime.engine.Fixtures.dataInfo(config).put("feature_type_path", " ");
    assertThatThrownBy(() -> dev.rime.engine.config.TestRunConfig.parse(config))
        .hasMessage("data_info.feature_type_path: must not be empty");
  }
}
