// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.api.result.ContinuousRunResult;
import dev.rime.api.result.ContinuousRunResult.BinResult;
import dev.rime.api.result.ContinuousRunResult.TimeSeriesValue;
import dev.rime.api.result.DatasetSummary;
import dev.rime.api.result.TestRunResult;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.ContinuousInfo;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.continuous.BinSeries;
import dev.rime.engine.continuous.TimeBins;
import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one continuous test (see {@code docs/continuous-testing.md}): loads reference and evaluation
 * data once, cuts the evaluation rows into time bins by {@code continuous_info.timestamp_col}
 * ({@link TimeBins}), then
 *
 * <ol>
 *   <li>{@link Mode#FROM_REFERENCE} only: the stress test of the reference against the whole
 *       evaluation set, as {@link Engine#run} runs it;
 *   <li>for every bin not in {@code skipBins}: the continuous-test set ({@link #CATEGORIES}, with
 *       the config's per-test settings) on the bin's rows against the reference, as its own test
 *       run, and the bin's time-series values ({@link BinSeries}).
 * </ol>
 *
 * The reference side is computed once: from the first test on, every query that reads only the
 * reference tables is kept and answered again from its stored result ({@link Db#memoizeQueriesOn});
 * the time series of every bin come from GROUP BY-the-bin queries.
 */
public final class ContinuousEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ContinuousEngine.class);

  /** The categories a bin runs (RIME's default continuous-test categories). */
  public static final List<String> CATEGORIES =
      List.of("Abnormal Inputs", "Drift", "Model Performance", "Subset Performance Degradation");

  /**
   * System property that, when {@code true}, turns the reference-query memo off (for measuring what
   * it saves: {@code bench/run-continuous.sh}).
   */
  public static final String NO_MEMO = "rime.continuous.no_memo";

  /** The table holding one bin's evaluation rows while its tests run (unquoted). */
  static final String BIN_TABLE = "eval_bin";

  /** How the job was started. */
  public enum Mode {
    /** Stress test of the whole evaluation set, then every bin. */
    FROM_REFERENCE("from_reference"),
    /** Only the bins (new data for an existing continuous-test instance). */
    INCREMENTAL("incremental");

    private final String wireName;

    Mode(String wireName) {
      this.wireName = wireName;
    }

    /** The job config's {@code continuous.mode} value. */
    public String wireName() {
      return wireName;
    }

    /** The mode of a {@code continuous.mode} value. */
    public static Mode of(String key, Object value) {
      for (Mode m : values()) {
        if (m.wireName.equals(value)) {
          return m;
        }
      }
      throw new ConfigException(key, "'" + value + "': expected 'from_reference' or 'incremental'");
    }
  }

  private ContinuousEngine() {}

  /**
   * Checks a continuous test's config statically (as {@link TestRunConfig#parse} does, and that
   * {@code continuous_info} is present): what the server calls before it accepts the job.
   *
   * @throws ConfigException naming the key at fault
   */
  public static TestRunConfig validate(Map<String, Object> config) {
    TestRunConfig cfg = TestRunConfig.parse(config);
    if (cfg.continuousInfo() == null) {
      throw new ConfigException(
          "continuous_info",
          "required for a continuous test: {\"timestamp_col\": ..., \"bin_size\": \"hour\" |"
              + " \"day\"}");
    }
    return cfg;
  }

  /**
   * Runs a continuous test.
   *
   * @param config the {@code test_run_config}, with {@code continuous_info}
   * @param baseDir relative paths resolve against it; null means the working directory
   * @param mode from a reference (stress test first) or incremental (bins only)
   * @param skipBins start times (seconds since the epoch) of bins not to test
   * @param listener told {@code (tests done, tests in all)} over the stress test and every bin
   * @throws ConfigException when the config is invalid
   * @throws EngineException when the data cannot be tested (names key, file or column)
   */
  public static ContinuousRunResult run(
      Map<String, Object> config,
      Path baseDir,
      Mode mode,
      Set<Long> skipBins,
      ProgressListener listener) {
    long startMillis = System.currentTimeMillis();
    ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
    TestRunConfig cfg = validate(config);
    ContinuousInfo info = cfg.continuousInfo();
    if (cfg.testsConfig() == null) {
      cfg = cfg.withTestsConfig(Engine.readTestsConfig(cfg.testsConfigPath(), baseDir));
    }
    try (Db db = Db.open()) {
      db.execute("SET TimeZone = 'UTC'");
      TestContext ctx = Engine.load(db, cfg, baseDir);
      try {
        TimeBins bins =
            TimeBins.cut(
                db,
                ctx.eval(),
                ctx.probabilities(true),
                info.timestampCol(),
                info.binSizeSeconds(),
                "continuous_info.timestamp_col");
        // The timestamp drifts by construction (evaluation rows come after the reference): no test
        // looks at it as a feature.
        TestsConfig tests = excluding(cfg.testsConfig(), info.timestampCol());
        cfg = cfg.withTestsConfig(tests);
        TestsConfig binTests =
            new TestsConfig(
                CATEGORIES,
                false,
                tests.globalExcludeColumns(),
                tests.globalAbnormalPerformanceChange(),
                tests.globalTransformationPerformanceChange(),
                tests.globalDriftScalingFactor(),
                tests.overrides());
        List<StressTest> stressSelected =
            mode == Mode.FROM_REFERENCE
                ? tests.select(TestCatalogue.all(), cfg.modelTask(), cfg.hasModelPath())
                : List.of();
        List<StressTest> binSelected =
            binTests.select(TestCatalogue.all(), cfg.modelTask(), cfg.hasModelPath());

        List<TimeBins.Bin> toTest = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (TimeBins.Bin b : bins.bins()) {
          if (skipBins.contains(b.start())) {
            skipped.add(b.start());
          } else {
            toTest.add(b);
          }
        }
        LOG.info(
            "continuous test '{}' ({}): {} bins of {} s ({} to test, {} skipped), {} rows without"
                + " a usable timestamp",
            cfg.runName(),
            mode.wireName(),
            bins.bins().size(),
            info.binSizeSeconds(),
            toTest.size(),
            skipped.size(),
            bins.unparseable());
        int total = stressSelected.size() + toTest.size() * binSelected.size();
        progress.onProgress(0, total);
        if (!Boolean.getBoolean(NO_MEMO)) {
          db.memoizeQueriesOn(
              List.of(ctx.refTable(), Sql.ident("ref_probs"), "\"ref_memo_"),
              List.of("\"eval", "\"rime_"));
        }

        TestRunResult stress = null;
        int done = 0;
        if (mode == Mode.FROM_REFERENCE) {
          stress =
              Engine.runTests(
                  ctx,
                  cfg,
                  stressSelected,
                  tests,
                  (d, t) -> progress.onProgress(d, total),
                  config,
                  startMillis);
          done = stressSelected.size();
        }

        long t0 = System.currentTimeMillis();
        Map<Long, List<TimeSeriesValue>> series =
            BinSeries.compute(ctx, id -> binTests.paramsFor(TestCatalogue.byId(id).get()), bins);
        LOG.info(
            "time series of {} bins in {} ms", bins.bins().size(), System.currentTimeMillis() - t0);

        List<String> abnormalFeatures =
            ctx.columns().stream()
                .filter(Column::isFeature)
                .filter(Column::inBoth)
                .filter(Column::inModel)
                .map(Column::name)
                .filter(n -> !tests.globalExcludeColumns().contains(n))
                .collect(Collectors.toList());
        List<BinResult> results = new ArrayList<>();
        for (TimeBins.Bin b : toTest) {
          long binStart = System.currentTimeMillis();
          int offset = done;
          TestContext binCtx = binContext(db, ctx, cfg, binTests, b);
          TestRunResult r;
          List<TimeSeriesValue> values = new ArrayList<>(series.get(b.start()));
          try {
            r =
                Engine.runTests(
                    binCtx,
                    cfg,
                    binSelected,
                    binTests,
                    (d, t) -> progress.onProgress(offset + d, total),
                    config,
                    binStart);
            boolean abnormal =
                r.testCases().stream().anyMatch(c -> "Abnormal Inputs".equals(c.category()));
            values.addAll(
                BinSeries.fromCases(
                    r.testCases(),
                    b.rows(),
                    r.summary().numFailingInputs(),
                    abnormal ? binCtx.countFailingRowsByFeature() : Map.of(),
                    abnormalFeatures,
                    abnormal));
          } finally {
            binCtx.dropTempTables();
          }
          done += binSelected.size();
          results.add(new BinResult(b.start(), b.end(), b.rows(), r, List.copyOf(values)));
          LOG.info(
              "bin {} ({} rows): {} cases in {} ms",
              b.start(),
              b.rows(),
              r.testCases().size(),
              System.currentTimeMillis() - binStart);
        }
        long[] memo = db.memoCounts();
        LOG.info(
            "continuous test '{}' done: {} bins in {} ms; reference queries answered from memory"
                + " {} times ({} stored)",
            cfg.runName(),
            results.size(),
            System.currentTimeMillis() - startMillis,
            memo[0],
            memo[1]);
        return new ContinuousRunResult(
            stress,
            info.timestampCol(),
            info.binSizeSeconds(),
            bins.rows(),
            bins.unparseable(),
            bins.unparseableExamples(),
            List.copyOf(skipped),
            List.copyOf(results));
      } finally {
        if (ctx.hasModel()) {
          ctx.model().close();
        }
      }
    }
  }

  /** A context whose evaluation data is one bin's rows (table {@value #BIN_TABLE}). */
  private static TestContext binContext(
      Db db, TestContext ctx, TestRunConfig cfg, TestsConfig binTests, TimeBins.Bin b) {
    Dataset eval = ctx.eval();
    String where =
        " FROM "
            + Sql.ident(TimeBins.TABLE)
            + " WHERE "
            + Sql.ident(TimeBins.BIN)
            + " = "
            + b.start();
    String columns =
        eval.columns().keySet().stream().map(Sql::ident).collect(Collectors.joining(", "));
    db.execute("CREATE OR REPLACE TABLE " + Sql.ident(BIN_TABLE) + " AS SELECT " + columns + where);
    ClassProbabilities probs = ctx.probabilities(true);
    ClassProbabilities binProbs = null;
    if (probs != null) {
      String table = BIN_TABLE + "_probs";
      db.execute(
          "CREATE OR REPLACE TABLE "
              + Sql.ident(table)
              + " AS SELECT "
              + String.join(", ", probs.columns())
              + where);
      binProbs = new ClassProbabilities(probs.key(), probs.file(), table, probs.classes());
    }
    DatasetSummary s = eval.summary();
    Dataset binEval =
        new Dataset(
            eval.key(),
            eval.file(),
            BIN_TABLE,
            new LinkedHashMap<>(eval.columns()),
            new DatasetSummary(s.path(), b.rows(), s.columns(), s.sizeBytes(), s.sha256()));
    TestContext binCtx =
        new TestContext(
            db,
            cfg,
            binTests,
            ctx.ref(),
            binEval,
            ctx.columns(),
            ctx.probabilities(false),
            binProbs);
    binCtx.setModel(ctx.hasModel() ? ctx.model() : null);
    return binCtx;
  }

  /** {@code tests} with {@code column} added to {@code global_exclude_columns}. */
  private static TestsConfig excluding(TestsConfig tests, String column) {
    List<String> exclude = new ArrayList<>(tests.globalExcludeColumns());
    if (!exclude.contains(column)) {
      exclude.add(column);
    }
    return new TestsConfig(
        tests.categories(),
        tests.runDefault(),
        List.copyOf(exclude),
        tests.globalAbnormalPerformanceChange(),
        tests.globalTransformationPerformanceChange(),
        tests.globalDriftScalingFactor(),
        tests.overrides());
  }
}
