// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {

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

  @Test
  void loadsCsvWithFingerprint() {
    Path f = Fixtures.csv(dir, "small.csv", "a,b", "1,x", "2,y");
    Dataset d = DataLoader.load(db, "ref", "data_info.ref_path", f, null);
    assertThat(d.rows()).isEqualTo(2);
    assertThat(d.columns()).containsKeys("a", "b");
    assertThat(d.summary().columns()).isEqualTo(2);
    assertThat(d.summary().sizeBytes()).isEqualTo(12);
    // python3 -c "import hashlib;print(hashlib.sha256(b'a,b\n1,x\n2,y\n').hexdigest())"
    assertThat(d.summary().sha256())
        .isEqualTo("15920f3fb7c051cc15fceee84432e8803a139a9b53a4ea832c37bf1109e200cf");
  }

  @Test
  void honoursNrows() {
    Path f = Fixtures.csv(dir, "small.csv", "a", "1", "2", "3", "4");
    assertThat(DataLoader.load(db, "ref", "k", f, 3L).rows()).isEqualTo(3);
  }

  @Test
  void loadsGzipParquetAndJsonLines() throws IOException {
    Path gz = dir.resolve("d.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("a,b\n1,x\n2,y\n3,z\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(DataLoader.load(db, "t1", "k", gz, null).rows()).isEqualTo(3);

    Path parquet = dir.resolve("d.parquet");
    db.execute(
        "COPY (SELECT range AS a FROM range(5)) TO "
            + Sql.str(parquet.toString())
            + " (FORMAT parquet)");
    assertThat(DataLoader.load(db, "t2", "k", parquet, null).rows()).isEqualTo(5);

    Path jsonl = dir.resolve("d.jsonl");
    Files.writeString(jsonl, "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2, \"b\": \"y\"}\n");
    Dataset j = DataLoader.load(db, "t3", "k", jsonl, null);
    assertThat(j.rows()).isEqualTo(2);
    assertThat(j.columns()).containsKeys("a", "b");
  }

  @Test
  void resolvesRelativePathsAndFileUris() {
    Path f = Fixtures.csv(dir, "x.csv", "a", "1");
    assertThat(DataLoader.resolve("k", "x.csv", dir)).isEqualTo(f);
    assertThat(DataLoader.resolve("k", f.toUri().toString(), null)).isEqualTo(f);
    assertThatThrownBy(() -> DataLoader.resolve("data_info.ref_path", "s3://bucket/x.csv", dir))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("data_info.ref_path: not supported yet");
  }

  @Test
  void missingFileNamesKeyAndPath() {
    Path f = dir.resolve("nope.csv");
    assertThatThrownBy(() -> DataLoader.load(db, "ref", "data_info.ref_path", f, null))
        .isInstanceOf(DataException.class)
        .hasMessage("data_info.ref_path: file not found: " + f);
  }

  @Test
  void emptyDatasetsAreErrors() throws IOException {
    Path header = Fixtures.csv(dir, "header.csv", "a,b");
    assertThatThrownBy(() -> DataLoader.load(db, "ref", "data_info.ref_path", header, null))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("data_info.ref_path: dataset is empty")
        .hasMessageContaining(header.toString());
    Path zero = Files.createFile(dir.resolve("zero.csv"));
    assertThatThrownBy(() -> DataLoader.load(db, "ref", "data_info.eval_path", zero, null))
        .hasMessageStartingWith("data_info.eval_path: dataset is empty");
  }

  @Test
  void unsupportedExtensionAndUnreadableFile() throws IOException {
    Path xlsx = Files.writeString(dir.resolve("data.xlsx"), "whatever");
    assertThatThrownBy(() -> DataLoader.load(db, "ref", "data_info.ref_path", xlsx, null))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("unsupported file type: " + xlsx);
    Path broken = Files.writeString(dir.resolve("broken.parquet"), "this is not parquet");
    assertThatThrownBy(() -> DataLoader.load(db, "ref", "data_info.ref_path", broken, null))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("data_info.ref_path: cannot read " + broken);
  }

  private Dataset threeRows() {
    return DataLoader.load(
        db,
        "eval",
        "data_info.eval_path",
        Fixtures.csv(dir, "e.csv", "x,y", "1,0", "2,1", "3,2"),
        null);
  }

  private ClassProbabilities probs(String... lines) {
    Path f = Fixtures.csv(dir, "p.csv", lines);
    return DataLoader.loadProbabilities(
        db, "eval_probs", "data_info.eval_pred_path", f, threeRows(), null);
  }

  @Test
  void classProbabilitiesJoinRowByRow() {
    ClassProbabilities p = probs("c0,c1,c2", "0.2,0.3,0.5", "1,0,0", "0.3333,0.3333,0.3334");
    assertThat(p.classes()).isEqualTo(3);
    assertThat(
            db.query(
                "SELECT x, \"__rime_p2\" FROM " + p.joinedWith(threeRows()) + " ORDER BY x",
                rs -> rs.getInt(1) + ":" + rs.getDouble(2)))
        .containsExactly("1:0.5", "2:0.0", "3:0.3334");
  }

  @Test
  void badClassProbabilitiesNameFileRowAndColumn() {
    assertThatThrownBy(() -> probs("c0,c1", "0.5,0.5", "1,0"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("data_info.eval_pred_path")
        .hasMessageContaining("has 2 rows but data_info.eval_path has 3");
    assertThatThrownBy(() -> probs("c0", "1", "1", "1"))
        .hasMessageContaining("has 1 column; class probabilities need one column per class");
    assertThatThrownBy(() -> probs("c0,c1", "0.5,0.5", "0.5,x", "1,0"))
        .hasMessageContaining("column 'c1' (class 1)")
        .hasMessageContaining("row 2 has 'x'");
    assertThatThrownBy(() -> probs("c0,c1", "0.5,0.5", "1.5,-0.5", "1,0"))
        .hasMessageContaining("column 'c0' (class 0)")
        .hasMessageContaining("numbers in [0, 1]: row 2 has '1.5'");
    assertThatThrownBy(() -> probs("c0,c1", "0.5,0.5", "1,0", "0.5,0.4"))
        .hasMessageContaining("must sum to 1 (within 0.001): row 3 sums to 0.9");
  }
}
