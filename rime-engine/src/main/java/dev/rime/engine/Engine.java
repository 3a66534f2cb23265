// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine;

import dev.rime.api.Json;
import dev.rime.api.Severity;
import dev.rime.api.TestStatus;
import dev.rime.api.result.FeatureSummary;
import dev.rime.api.result.MetricPair;
import dev.rime.api.result.Provenance;
import dev.rime.api.result.SeverityCounts;
import dev.rime.api.result.SummaryCounts;
import dev.rime.api.result.TestCase;
import dev.rime.api.result.TestRunResult;
import dev.rime.api.result.TestRunSummary;
import dev.rime.engine.config.ConfigException;
import dev.rime.engine.config.ConfigNode;
import dev.rime.engine.config.DataInfo;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.config.TestRunConfig;
import dev.rime.engine.config.TestsConfig;
import dev.rime.engine.data.ClassProbabilities;
import dev.rime.engine.data.Column;
import dev.rime.engine.data.DataChecks;
import dev.rime.engine.data.DataException;
import dev.rime.engine.data.DataLoader;
import dev.rime.engine.data.Dataset;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.FeatureType;
import dev.rime.engine.data.TypeInference;
import dev.rime.engine.metrics.Metric;
import dev.rime.engine.metrics.MetricStats;
import dev.rime.engine.model.ModelAdapter;
import dev.rime.engine.model.ModelException;
import dev.rime.engine.model.Models;
import dev.rime.engine.model.Predictions;
import dev.rime.engine.tests.CaseBuilder;
import dev.rime.engine.tests.SkipTest;
import dev.rime.engine.tests.StressTest;
import dev.rime.engine.tests.TestCatalogue;
import dev.rime.engine.tests.TestContext;
import dev.rime.engine.tests.TestParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stress test: parses the config, loads the two datasets into DuckDB, types the columns,
 * runs the selected tests of the catalogue and summarises. A test that throws becomes a failed test
 * case; only config and data errors ({@link EngineException}) stop a run.
 */
public final class Engine {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private Engine() {}

  /**
   * Runs the tests the config selects.
   *
   * @param config the seed's {@code test_run_config} as a JSON object
   * @param baseDir relative data paths and {@code tests_config_path} resolve against it (the CLI
   *     passes the config file's folder); null means the working directory
   * @param listener told {@code (tests done, tests selected)} after each test
   * @return the summary (without test run, job or project ids) and every test case
   * @throws ConfigException when the config is invalid
   * @throws EngineException when the data cannot be tested (the message names key, file, column)
   */
  public static TestRunResult run(
      Map<String, Object> config, Path baseDir, ProgressListener listener) {
    return run(config, baseDir, listener, TestCatalogue.all());
  }

  /** {@link #run(Map, Path, ProgressListener)} over a given catalogue (for tests and tools). */
  public static TestRunResult run(
      Map<String, Object> config,
      Path baseDir,
      ProgressListener listener,
      List<StressTest> catalogue) {
    long startMillis = System.currentTimeMillis();
    ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
    TestRunConfig cfg = TestRunConfig.parse(config);
    if (cfg.testsConfig() == null) {
      cfg = cfg.withTestsConfig(readTestsConfig(cfg.testsConfigPath(), baseDir));
    }
    TestsConfig testsConfig = cfg.testsConfig();
    List<StressTest> selected = testsConfig.select(catalogue, cfg.modelTask(), cfg.hasModelPath());
    LOG.info("run '{}': {} tests selected", cfg.runName(), selected.size());

    try (Db db = Db.open()) {
      TestContext ctx = load(db, cfg, baseDir);
      try {
        return runTests(ctx, cfg, selected, testsConfig, progress, config, startMillis);
      } finally {
        if (ctx.hasModel()) {
          ctx.model().close();
        }
      }
    }
  }

  static TestRunResult runTests(
      TestContext ctx,
      TestRunConfig cfg,
      List<StressTest> selected,
      TestsConfig testsConfig,
      ProgressListener progress,
      Map<String, Object> config,
      long startMillis) {
    Db db = ctx.db();
    {
      Dataset ref = ctx.ref();
      Dataset eval = ctx.eval();
      List<Column> columns = ctx.columns();

      List<TestCase> cases = new ArrayList<>();
      progress.onProgress(0, selected.size());
      for (int i = 0; i < selected.size(); i++) {
        StressTest test = selected.get(i);
        long t0 = System.currentTimeMillis();
        List<TestCase> produced = runOne(test, ctx, testsConfig.paramsFor(test));
        cases.addAll(produced);
        LOG.info(
            "test {} ({}/{}): {} cases in {} ms",
            test.id(),
            i + 1,
            selected.size(),
            produced.size(),
            System.currentTimeMillis() - t0);
        progress.onProgress(i + 1, selected.size());
      }

      TestRunSummary summary =
          new TestRunSummary(
              null,
              null,
              null,
              cfg.runName(),
              cfg.modelTask().displayName(),
              startMillis / 1000,
              System.currentTimeMillis() - startMillis,
              ref.summary(),
              eval.summary(),
              statusCounts(cases),
              severityCounts(cases),
              modelPerf(ctx),
              eval.rows(),
              ctx.countFailingRows(),
              features(columns),
              new Provenance(
                  EngineVersion.get(),
                  config,
                  cfg.randomSeed(),
                  System.getProperty("java.version"),
                  db.version()));
      LOG.info(
          "run '{}' done: {} cases ({} fail) in {} ms",
          cfg.runName(),
          cases.size(),
          summary.summaryCounts().fail(),
          summary.durationMillis());
      return new TestRunResult(summary, List.copyOf(cases));
    }
  }

  /**
   * Loads the config's data into {@code db} (both datasets, and the class probabilities of a
   * multi-class model), checks it against the config, types the columns, and returns the context
   * the tests share.
   *
   * @throws EngineException when the data cannot be tested
   */
  public static TestContext load(Db db, TestRunConfig cfg, Path baseDir) {
    DataInfo info = cfg.dataInfo();
    Path refPath = DataLoader.resolve("data_info.ref_path", info.refPath(), baseDir);
    Path evalPath = DataLoader.resolve("data_info.eval_path", info.evalPath(), baseDir);
    Long nrows = info.nrows();
    Dataset ref = DataLoader.load(db, "ref", "data_info.ref_path", refPath, nrows);
    Dataset eval = DataLoader.load(db, "eval", "data_info.eval_path", evalPath, nrows);
    LOG.info(
        "loaded reference {} ({} rows), evaluation {} ({} rows)",
        refPath,
        ref.rows(),
        evalPath,
        eval.rows());
    ClassProbabilities refProbs = null;
    ClassProbabilities evalProbs = null;
    if (info.hasPredictionFiles()) {
      refProbs =
          DataLoader.loadProbabilities(
              db,
              "ref_probs",
              "data_info.ref_pred_path",
              DataLoader.resolve("data_info.ref_pred_path", info.refPredPath(), baseDir),
              ref,
              nrows);
      evalProbs =
          DataLoader.loadProbabilities(
              db,
              "eval_probs",
              "data_info.eval_pred_path",
              DataLoader.resolve("data_info.eval_pred_path", info.evalPredPath(), baseDir),
              eval,
              nrows);
      if (refProbs.classes() != evalProbs.classes()) {
        throw new DataException(
            "data_info.eval_pred_path",
            evalProbs.file()
                + " has "
                + evalProbs.classes()
                + " class columns but "
                + refProbs.file()
                + " has "
                + refProbs.classes()
                + ": both must have one column per class");
      }
    }
    ModelAdapter model = null;
    try {
      String note = null;
      boolean scored = false;
      if (cfg.modelInfo() != null) {
        Path modelFile = DataLoader.resolve("model_info.path", cfg.modelInfo().path(), baseDir);
        if (!Files.isRegularFile(modelFile)) {
          throw new DataException("model_info.path", "file not found: " + modelFile);
        }
        Map<String, String> inputs = ModelScoring.inputColumns(ref, info);
        model = Models.open(cfg.modelInfo(), modelFile, cfg.modelTask(), inputs);
        if (info.predCol() != null || info.hasPredictionFiles()) {
          note =
              (info.predCol() != null
                      ? "data_info.pred_col"
                      : "data_info.ref_pred_path and eval_pred_path")
                  + " give the predictions the tests use; the model ("
                  + model.describe()
                  + ") is called only by the tests that call the model";
        } else {
          long t0 = System.currentTimeMillis();
          Predictions refScores = ModelScoring.score(db, model, cfg.modelTask(), ref, inputs);
          Predictions evalScores = ModelScoring.score(db, model, cfg.modelTask(), eval, inputs);
          if (cfg.modelTask() == ModelTask.MULTI_CLASS_CLASSIFICATION) {
            if (refScores.outputs() != evalScores.outputs()) {
              throw new ModelException(
                  model.describe()
                      + ": returned "
                      + refScores.outputs()
                      + " class probabilities per reference row but "
                      + evalScores.outputs()
                      + " per evaluation row");
            }
            refProbs = ModelScoring.addProbabilities(db, "ref_probs", modelFile, refScores);
            evalProbs = ModelScoring.addProbabilities(db, "eval_probs", modelFile, evalScores);
          } else {
            ref = ModelScoring.addPredictions(db, ref, refScores);
            eval = ModelScoring.addPredictions(db, eval, evalScores);
            cfg = cfg.withDataInfo(info.withPredCol(ModelScoring.PREDICTION));
            info = cfg.dataInfo();
          }
          scored = true;
          note =
              "the predictions are the model's: "
                  + model.describe()
                  + " scored the reference and evaluation rows (model_info.path)";
          LOG.info(
              "model scored {} reference and {} evaluation rows in {} ms",
              ref.rows(),
              eval.rows(),
              System.currentTimeMillis() - t0);
        }
        LOG.info("{}", note);
      }
      DataChecks.check(
          db,
          info,
          cfg.modelTask(),
          cfg.testsConfig(),
          ref,
          eval,
          refProbs == null ? 0 : refProbs.classes());
      List<Column> columns = TypeInference.infer(db, cfg, ref, eval, baseDir);
      if (note != null) {
        columns = withPredictionNote(columns, note, scored);
      }
      TestContext ctx =
          new TestContext(db, cfg, cfg.testsConfig(), ref, eval, columns, refProbs, evalProbs);
      ctx.setModel(model);
      return ctx;
    } catch (RuntimeException e) {
      if (e instanceof ModelException && ((ModelException) e).modelLog() != null) {
        LOG.error("model log:\n{}", ((ModelException) e).modelLog());
      }
      if (model != null) {
        model.close();
      }
      throw e;
    }
  }

  /** The prediction column with where its values come from (the model, or pred_col beside one). */
  private static List<Column> withPredictionNote(
      List<Column> columns, String note, boolean scored) {
    List<Column> out = new ArrayList<>();
    for (Column c : columns) {
      if (c.type() == FeatureType.PREDICTION) {
        c =
            new Column(
                c.name(),
                c.type(),
                scored ? "model" : c.source(),
                note,
                c.refType(),
                c.evalType(),
                c.inModel(),
                c.numericValues(),
                c.valueType());
      }
      out.add(c);
    }
    return out;
  }

  /** Runs one test; a SKIP guard becomes a SKIP case and any exception one failed case. */
  static List<TestCase> runOne(StressTest test, TestContext ctx, TestParams params) {
    try {
      List<TestCase> out = test.run(ctx, params);
      if (out == null || out.isEmpty()) {
        return List.of(CaseBuilder.skip(test, List.of(), "the test produced no test case"));
      }
      return out;
    } catch (SkipTest s) {
      return List.of(CaseBuilder.skip(test, List.of(), s.getMessage()));
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOG.warn("test {} raised {}", test.id(), e.toString(), e);
      return List.of(CaseBuilder.error(test, List.of(), e));
    }
  }

  static TestsConfig readTestsConfig(String value, Path baseDir) {
    Path file = DataLoader.resolve("tests_config_path", value, baseDir);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("tests_config_path", "file not found: " + file);
    }
    Map<String, Object> map;
    try {
      map = Json.lenient().readValue(file.toFile(), Json.MAP);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "tests_config_path", "cannot read " + file + " as a JSON object: " + e.getMessage());
    }
    return TestsConfig.parse(new ConfigNode("tests_config", map));
  }

  private static SummaryCounts statusCounts(List<TestCase> cases) {
    int[] n = new int[TestStatus.values().length];
    cases.forEach(c -> n[c.status().ordinal()]++);
    return new SummaryCounts(
        cases.size(),
        n[TestStatus.PASS.ordinal()],
        n[TestStatus.WARNING.ordinal()],
        n[TestStatus.FAIL.ordinal()],
        n[TestStatus.SKIP.ordinal()]);
  }

  private static SeverityCounts severityCounts(List<TestCase> cases) {
    int[] n = new int[Severity.values().length];
    cases.forEach(c -> n[c.severity().ordinal()]++);
    return new SeverityCounts(
        n[Severity.NONE.ordinal()],
        n[Severity.LOW.ordinal()],
        n[Severity.MEDIUM.ordinal()],
        n[Severity.HIGH.ordinal()]);
  }

  /** Every metric of the model task on both sides (display name to reference / evaluation). */
  private static Map<String, MetricPair> modelPerf(TestContext ctx) {
    Map<String, MetricPair> out = new LinkedHashMap<>();
    if (!ctx.hasModelOutput()) {
      return out;
    }
    MetricStats r = ctx.overallStats(false);
    MetricStats e = ctx.overallStats(true);
    for (Metric m : Metric.forTask(ctx.modelTask())) {
      out.put(m.displayName(), new MetricPair(r.value(m), e.value(m)));
    }
    return out;
  }

  private static List<FeatureSummary> features(List<Column> columns) {
    List<FeatureSummary> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(new FeatureSummary(c.name(), c.type().wireName(), c.source(), c.reason()));
    }
    return out;
  }
}
