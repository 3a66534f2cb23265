// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the models run in the job's JVM (ONNX, Java) share: rows read from the query in batches of
 * {@code batchSize}, each batch scored on a worker thread within the timeout, the output checked
 * for the task ({@link OutputChecks}), every error a {@link ModelException} naming the model and
 * the batch's rows.
 */
abstract class InProcessModelAdapter implements ModelAdapter {

  /** Reads the rows of one batch and scores them. */
  interface BatchScorer {
    /** Reads the current row of {@code rs} as row {@code row} of the batch. */
    void read(ResultSet rs, int row) throws SQLException;

    /** Scores the first {@code rows} rows read; returns the output values, row by row. */
    Output score(int rows) throws Exception;
  }

  /** What the model gave is not what it must give: reported as is, without an exception name. */
  static final class BadOutput extends RuntimeException {
    BadOutput(String message) {
      super(message);
    }
  }

  /** A batch's output: {@code values.length / outputs} rows of {@code outputs} values. */
  record Output(double[] values, int outputs) {}

  private final String description;
  final ModelTask task;
  final int batchSize;
  final Duration timeout;
  private ExecutorService worker;
  private volatile Future<Output> current;
  private ExecutorService lastWorker;

  InProcessModelAdapter(String description, ModelTask task, int batchSize, Duration timeout) {
    this.description = description;
    this.task = task;
    this.batchSize = batchSize;
    this.timeout = timeout;
  }

  @Override
  public String describe() {
    return description;
  }

  /** The query that reads {@code select} in the form {@link #scorer} expects. */
  abstract String readQuery(Db db, String select);

  /** A scorer for batches of up to {@code capacity} rows of {@link #readQuery}. */
  abstract BatchScorer scorer(int capacity);

  /** Called when a batch ran past the timeout, before the worker thread is interrupted. */
  void onTimeout() {}

  @Override
  public Predictions predict(Db db, String select) {
    String sql = readQuery(db, select);
    BatchScorer scorer = scorer(batchSize);
    double[][] out = {new double[0]};
    int[] outputs = {0};
    long[] rows = {0};
    int[] filled = {0};
    long[] used = {0};
    Runnable flush =
        () -> {
          if (filled[0] == 0) {
            return;
          }
          long first = rows[0] - filled[0];
          Output o = run(scorer, filled[0], first);
          if (outputs[0] == 0) {
            outputs[0] = o.outputs();
          } else if (outputs[0] != o.outputs()) {
            throw error(
                first,
                filled[0],
                "returned " + o.outputs() + " values per row, earlier batches " + outputs[0],
                null);
          }
          int need = (int) (used[0] + o.values().length);
          if (need > out[0].length) {
            out[0] = Arrays.copyOf(out[0], Math.max(need, out[0].length * 2));
          }
          System.arraycopy(o.values(), 0, out[0], (int) used[0], o.values().length);
          used[0] = need;
          filled[0] = 0;
        };
    try {
      db.forEach(
          sql,
          rs -> {
            scorer.read(rs, filled[0]);
            filled[0]++;
            rows[0]++;
            if (filled[0] == batchSize) {
              flush.run();
            }
          });
    } catch (Db.QueryException e) {
      String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
      throw error(
          rows[0] - filled[0],
          batchSize,
          "cannot read the rows for the model: " + firstLine(message),
          e);
    }
    flush.run();
    if (rows[0] == 0) {
      return new Predictions(new double[0], 1);
    }
    return new Predictions(Arrays.copyOf(out[0], (int) used[0]), outputs[0]);
  }

  private Output run(BatchScorer scorer, int n, long first) {
    Future<Output> f = worker().submit((Callable<Output>) () -> scorer.score(n));
    current = f;
    Output o;
    try {
      o = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      onTimeout();
      f.cancel(true);
      abandonWorker();
      throw error(
          first,
          n,
          "ran past its timeout of "
              + seconds(timeout)
              + " (model_info.timeout_seconds) and was stopped",
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ModelException) {
        throw (ModelException) cause;
      }
      if (cause instanceof BadOutput) {
        throw error(first, n, cause.getMessage(), null);
      }
      throw error(first, n, "raised " + describe(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw error(first, n, "interrupted", e);
    }
    if (o.values().length != (long) n * o.outputs()) {
      throw error(
          first,
          n,
          "returned " + o.values().length / Math.max(1, o.outputs()) + " rows for " + n,
          null);
    }
    String bad = OutputChecks.check(task, o.values(), o.outputs(), first);
    if (bad != null) {
      throw error(first, n, bad, null);
    }
    return o;
  }

  /** A ModelException naming the model and the batch. */
  ModelException error(long first, long n, String what, Throwable cause) {
    return new ModelException(
        description + ", batch rows " + first + "-" + (first + n - 1) + ": " + what, null, cause);
  }

  private synchronized ExecutorService worker() {
    if (worker == null) {
      worker =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "rime-model");
                t.setDaemon(true);
                return t;
              });
    }
    return worker;
  }

  /**
   * Leaves a worker that may still be busy with a batch that timed out; the next gets a new one.
   */
  private synchronized void abandonWorker() {
    if (worker != null) {
      worker.shutdownNow();
      lastWorker = worker;
      worker = null;
    }
  }

  /**
   * Stops the worker thread, waiting up to {@code wait} for a batch still running (one that timed
   * out) to end; subclasses release their model after calling this.
   */
  void stopWorker(Duration wait) {
    Future<Output> f = current;
    abandonWorker();
    if (f != null && !f.isDone()) {
      f.cancel(true);
    }
    ExecutorService w;
    synchronized (this) {
      w = lastWorker;
    }
    if (w != null) {
      try {
        w.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static String describe(Throwable t) {
    String name = t.getClass().getSimpleName();
    return t.getMessage() == null ? name : name + ": " + firstLine(t.getMessage());
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }
}
