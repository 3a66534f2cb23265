// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.engine.data.Db;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Python models (from RIME's venv, scripts/python-env.sh) in a real child process. */
class PythonModelAdapterTest {

  /** Rows 0-2: a DOUBLE, a VARCHAR and a BOOLEAN column, with a null in each. */
  private static final String ROWS = "SELECT a, s, b FROM t ORDER BY i";

  @TempDir Path dir;
  private Db db;
  private PythonModelAdapter adapter;

  @BeforeEach
  void data() {
    db = Db.open();
    db.execute("CREATE TABLE t (i INTEGER, a DOUBLE, s VARCHAR, b BOOLEAN)");
    db.execute(
        "INSERT INTO t VALUES (0, 1.0, 'ab', true), (1, 2.5, NULL, false), (2, NULL, 'xyz', NULL)");
  }

  @AfterEach
  void noStrayProcess() {
    if (adapter != null) {
      adapter.close();
    }
    db.close();
    assertThat(pythonChildren()).as("python processes left by the test").isEmpty();
  }

  private static List<String> pythonChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(h -> h.info().commandLine().orElse("?"))
        .filter(c -> c.contains("python") || c.contains("sleep"))
        .toList();
  }

  private PythonModelAdapter model(String source, int batchSize, Duration timeout)
      throws IOException {
    Path file = dir.resolve("model.py");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    adapter = new PythonModelAdapter(PythonModelAdapter.defaultPython(), file, batchSize, timeout);
    return adapter;
  }

  private PythonModelAdapter model(String source) throws IOException {
    return model(source, 2, Duration.ofSeconds(60));
  }

  private static double[] column(Predictions p) {
    double[] out = new double[p.rows()];
    for (int r = 0; r < p.rows(); r++) {
      out[r] = p.get(r);
    }
    return out;
  }

  @Test
  void predictDfScoresEveryBatchInRowOrder() throws IOException {
    // a (0 when missing) + 10 * length of s (0 when missing) + 100 when b is true
    PythonModelAdapter m =
        model(
            """
            import numpy as np
            def predict_df(df):
                lengths = df['s'].map(lambda v: 0 if v is None else len(v))
                return df['a'].fillna(0) + 10 * lengths + 100 * (df['b'] == True)
            """);
    Predictions p = m.predict(db, ROWS);
    assertThat(p.outputs()).isEqualTo(1);
    // rows: 1 + 20 + 100; 2.5 + 0 + 0; 0 + 30 + 0
    assertThat(column(p)).containsExactly(121.0, 2.5, 30.0);
    assertThat(m.entryPoint()).isEqualTo("predict_df");
    assertThat(m.describe()).isEqualTo("Python model " + dir.resolve("model.py"));
  }

  @Test
  void predictDictIsCalledRowByRow() throws IOException {
    PythonModelAdapter m =
        model(
            """
            import math
            def predict_dict(x):
                return -1.0 if math.isnan(x['a']) else x['a'] * 2 + (x['s'] is None)
            """);
    assertThat(column(m.predict(db, ROWS))).containsExactly(2.0, 6.0, -1.0);
    assertThat(m.entryPoint()).isEqualTo("predict_dict");
  }

  @Test
  void multiClassOutputsAreRowsOfClassProbabilities() throws IOException {
    PythonModelAdapter m =
        model(
            """
            import numpy as np
            def predict_df(df):
                p = df['a'].fillna(0).to_numpy() / 10
                return np.column_stack([p, 1 - p - 0.25, np.full(len(df), 0.25)])
            """);
    Predictions p = m.predict(db, ROWS);
    assertThat(p.rows()).isEqualTo(3);
    assertThat(p.outputs()).isEqualTo(3);
    assertThat(p.get(0, 0)).isEqualTo(0.1);
    assertThat(p.get(0, 1)).isEqualTo(0.65);
    assertThat(p.get(1, 0)).isEqualTo(0.25);
    assertThat(p.get(1, 1)).isEqualTo(0.5);
    assertThat(p.get(2, 0)).isEqualTo(0.0);
    assertThat(p.get(2, 2)).isEqualTo(0.25);
  }

  @Test
  void aModelThatRaisesNamesTheBatchTheTypeAndTheMessage() throws IOException {
    PythonModelAdapter m =
        model(
            """
            def predict_df(df):
                raise ValueError('boom')
            """);
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "model_info.path: Python model "
                + dir.resolve("model.py")
                + ", batch rows 0-1: ValueError: boom")
        .satisfies(
            e -> {
              ModelException me = (ModelException) e;
              assertThat(me.key()).isEqualTo("model_info.path");
              assertThat(me.modelLog()).contains("Traceback", "in predict_df", "raise ValueError");
            });
  }

  @Test
  void aModelThatRaisesOnNullsFailsOnTheBatchWithTheNullAndStaysUsable() throws IOException {
    PythonModelAdapter m =
        model(
            """
            def predict_df(df):
                if df['a'].isna().any():
                    raise ValueError('a is null')
                return df['a'] / 10
            """);
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(", batch rows 2-2: ValueError: a is null");
    long pid = m.processHandle().orElseThrow().pid();
    assertThat(column(m.predict(db, "SELECT a, s, b FROM t WHERE a IS NOT NULL ORDER BY i")))
        .containsExactly(0.1, 0.25);
    assertThat(m.processHandle().orElseThrow().pid()).as("the same process").isEqualTo(pid);
  }

  @Test
  void theWrongNumberOfPredictionsIsAnError() throws IOException {
    PythonModelAdapter m =
        model(
            """
            def predict_df(df):
                return df['a'].to_numpy()[:1]
            """);
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(", batch rows 0-1: the model returned 1 predictions for 2 rows");
  }

  @Test
  void aChangingNumberOfOutputsIsAnError() throws IOException {
    PythonModelAdapter m =
        model(
            """
            import numpy as np
            def predict_df(df):
                return np.zeros((len(df), 2 if len(df) == 2 else 3))
            """);
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(
            ", batch rows 2-2: the model returned 3 outputs per row, earlier batches had 2");
  }

  @Test
  void textOrThreeDimensionalOutputIsAnError() throws IOException {
    PythonModelAdapter m =
        model(
            """
            def predict_df(df):
                return df['s']
            """);
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(
            ", batch rows 0-1: TypeError: the model returned object values, not numbers");
  }

  @Test
  void nanOrInfinityIsAnErrorNamingTheRow() throws IOException {
    PythonModelAdapter m =
        model(
            """
            import numpy as np
            def predict_df(df):
                return df['a'].to_numpy() * np.inf if len(df) == 1 else np.zeros(len(df))
            """);
    // batch 0-1 is zeros; row 2's a is null: NaN * inf = NaN
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(
            ", batch rows 2-2: the model returned NaN for row 2; predictions must be finite numbers");
    assertThatThrownBy(() -> m.predict(db, "SELECT a, s, b FROM t WHERE i = 0"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("returned Infinity for row 0");
  }

  @Test
  void aModelThatHangsIsStoppedAfterTheTimeoutWithItsChildren() throws IOException {
    Path pidFile = dir.resolve("child.pid");
    PythonModelAdapter m =
        model(
            """
            import subprocess, time
            child = subprocess.Popen(['sleep', '300'])
            open('child.pid', 'w').write(str(child.pid))
            def predict_df(df):
                time.sleep(300)
            """,
            2,
            Duration.ofSeconds(5));
    long start = System.nanoTime();
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(
            ", batch rows 0-1: the model took longer than the timeout of 5 s; its process was"
                + " stopped");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    assertThat(m.processHandle()).isEmpty();
    long child = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive))
        .isIn(Optional.empty(), Optional.of(false));
  }

  @Test
  void aModelThatCrashesGivesTheExitCodeAndItsLastOutput() throws IOException {
    PythonModelAdapter m =
        model(
            """
            import os, sys
            def predict_df(df):
                print('about to crash', file=sys.stderr, flush=True)
                os._exit(3)
            """);
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageEndingWith(
            ", batch rows 0-1: the Python process exited with code 3; its last output: about to"
                + " crash")
        .satisfies(e -> assertThat(((ModelException) e).modelLog()).contains("about to crash"));
    assertThat(m.processHandle()).isEmpty();
  }

  @Test
  void printsToStandardOutputDoNotBreakTheFrames() throws IOException {
    PythonModelAdapter m =
        model(
            """
            import os, sys
            print('hello at import')
            def predict_df(df):
                print('{"ok": false, "type": "Fake"}')
                sys.stdout.write('no newline')
                os.write(1, b'raw bytes on fd 1\\n')
                return df['a'].fillna(7)
            """);
    assertThat(column(m.predict(db, ROWS))).containsExactly(1.0, 2.5, 7.0);
  }

  @Test
  void stringsUnicodeBooleansNumbersAndNullsArriveAsInTheData() throws IOException {
    db.execute(
        "CREATE TABLE u AS SELECT * FROM (VALUES"
            + " (0, 'Zoë', true, 1::BIGINT, 1.5::DECIMAL(4,2)),"
            + " (1, '日本語 🙂', NULL, NULL, NULL),"
            + " (2, '', false, -3::BIGINT, 2.25::DECIMAL(4,2)),"
            + " (3, NULL, true, 4::BIGINT, 0::DECIMAL(4,2)),"
            + " (4, 'x\ny,\"z\"', false, 5::BIGINT, 1::DECIMAL(4,2)))"
            + " v(i, \"näme col\", flag, n, d)");
    PythonModelAdapter m =
        model(
            """
            import math
            def predict_df(df):
                assert list(df.columns) == ['näme col', 'flag', 'n', 'd'], list(df.columns)
                assert str(df['näme col'].dtype) == 'object', df['näme col'].dtype
                assert str(df['n'].dtype) == 'float64' and str(df['d'].dtype) == 'float64'
                expected = {
                    0: ('Zoë', True, 1.0, 1.5),
                    1: ('日本語 🙂', None, None, None),
                    2: ('', False, -3.0, 2.25),
                    3: (None, True, 4.0, 0.0),
                    4: ('x\\ny,"z"', False, 5.0, 1.0),
                }
                out = []
                for pos, row in enumerate(df.itertuples(index=False)):
                    s, flag, n, d = row
                    n = None if math.isnan(n) else n
                    d = None if math.isnan(d) else d
                    found = [k for k, v in expected.items() if v == (s, flag, n, d)]
                    assert len(found) == 1, (s, flag, n, d)
                    out.append(found[0])
                return out
            """);
    // Batches of 2: [0,1] has a null flag (object column), [2,3] has none (bool column), [4].
    assertThat(column(m.predict(db, "SELECT \"näme col\", flag, n, d FROM u ORDER BY i")))
        .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void repeatedTextIsSentCodedAndArrivesAsInTheDataBatchAfterBatchAndCallAfterCall()
      throws IOException {
    // s repeats 4 values (one null) and k 3 values over 40 rows: both go coded; u is unique.
    db.execute(
        "CREATE TABLE c AS SELECT i, ['Zoë', '', '日本語 🙂', NULL][i % 4 + 1] AS s,"
            + " 'v' || (i % 3) AS k, 'u' || i AS u FROM range(40) r(i)");
    PythonModelAdapter m =
        model(
            """
            CODES = {'Zoë': 1, '': 2, '日本語 🙂': 3, None: 0, 'v0': 0, 'v1': 10, 'v2': 20,
                     'p': 100, 'q': 200}
            def predict_df(df):
                assert str(df['s'].dtype) == 'object', df['s'].dtype
                ks = df['k'] if 'k' in df else [None] * len(df)
                us = df['u'] if 'u' in df else ['u0'] * len(df)
                return [CODES[s] + CODES[k] + 1000 * int(u[1:]) for s, k, u in zip(df['s'], ks, us)]
            """,
            7,
            Duration.ofSeconds(60));
    Predictions p = m.predict(db, "SELECT s, k, u FROM c ORDER BY i");
    assertThat(m.lastWireKinds()).containsExactly("code", "code", "string");
    double[] expected = new double[40];
    for (int i = 0; i < 40; i++) {
      expected[i] = new int[] {1, 2, 3, 0}[i % 4] + 10 * (i % 3) + 1000 * i;
    }
    assertThat(column(p)).containsExactly(expected);
    // A second call on the same process replaces the dictionary of s.
    Predictions q =
        m.predict(db, "SELECT CASE WHEN i % 2 = 0 THEN 'p' ELSE 'q' END AS s FROM c ORDER BY i");
    assertThat(m.lastWireKinds()).containsExactly("code");
    double[] pq = new double[40];
    for (int i = 0; i < 40; i++) {
      pq[i] = (i % 2 == 0 ? 100 : 200) + 0;
    }
    assertThat(column(q)).containsExactly(pq);
  }

  @Test
  void codedTextComesFromTheSameRowsAsItsDictionaryWhenTheSelectIsRandom() throws IOException {
    PythonModelAdapter m =
        model(
            """
            def predict_df(df):
                assert set(df['s']) <= {'a', 'b'}, set(df['s'])
                return (df['s'] == 'a').astype(float)
            """,
            1000,
            Duration.ofSeconds(60));
    // Evaluated twice, random() would give other values for the codes than for the dictionary.
    Predictions p =
        m.predict(
            db, "SELECT CASE WHEN random() < 0.5 THEN 'a' ELSE 'b' END AS s FROM range(5000) r(i)");
    assertThat(m.lastWireKinds()).containsExactly("code");
    assertThat(p.rows()).isEqualTo(5000);
    double ones = java.util.Arrays.stream(column(p)).sum();
    assertThat(ones).isBetween(2000.0, 3000.0);
  }

  @Test
  void noRowsGiveNoPredictions() throws IOException {
    PythonModelAdapter m = model("def predict_df(df):\n    return df['a']\n");
    Predictions p = m.predict(db, "SELECT a, s, b FROM t WHERE false");
    assertThat(p.rows()).isZero();
  }

  @Test
  void aFileThatFailsToImportSaysSo() throws IOException {
    PythonModelAdapter m = model("import no_such_module_for_rime\n");
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "model_info.path: Python model "
                + dir.resolve("model.py")
                + ", loading the file: ModuleNotFoundError: No module named"
                + " 'no_such_module_for_rime'");
  }

  @Test
  void aFileWithoutAnEntryPointSaysWhichAreExpected() throws IOException {
    PythonModelAdapter m = model("def predict(df):\n    return df\n");
    assertThatThrownBy(() -> m.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("defines neither predict_df(df) nor predict_dict(x)");
  }

  @Test
  void artifactsNextToTheFileAreFoundFromItsFolder() throws IOException {
    Files.writeString(dir.resolve("weights.txt"), "3\n");
    Files.writeString(dir.resolve("helper.py"), "OFFSET = 0.5\n");
    PythonModelAdapter m =
        model(
            """
            import helper
            WEIGHT = float(open('weights.txt').read())
            def predict_df(df):
                return df['a'].fillna(0) * WEIGHT + helper.OFFSET
            """);
    assertThat(column(m.predict(db, ROWS))).containsExactly(3.5, 8.0, 0.5);
  }

  @Test
  void aMissingPythonOrModelFileIsAClearError() throws IOException {
    Path file = dir.resolve("model.py");
    Files.writeString(file, "def predict_df(df):\n    return df['a']\n");
    adapter = new PythonModelAdapter(Path.of("/no/such/python"), file, 10, Duration.ofSeconds(5));
    assertThatThrownBy(() -> adapter.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cannot start /no/such/python")
        .hasMessageContaining("scripts/python-env.sh");
    PythonModelAdapter missing =
        new PythonModelAdapter(
            PythonModelAdapter.defaultPython(), dir.resolve("nope.py"), 10, Duration.ofSeconds(5));
    assertThatThrownBy(() -> missing.predict(db, ROWS))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "model_info.path: Python model "
                + dir.resolve("nope.py")
                + ": the file does not exist");
  }

  @Test
  void closeEndsTheProcess() throws IOException {
    PythonModelAdapter m = model("def predict_df(df):\n    return df['a'].fillna(0)\n");
    m.predict(db, ROWS);
    ProcessHandle h = m.processHandle().orElseThrow();
    m.close();
    assertThat(h.isAlive()).isFalse();
    m.close();
  }
}
