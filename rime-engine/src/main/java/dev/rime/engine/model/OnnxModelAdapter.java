// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An ONNX model run through ONNX Runtime in the job's JVM (ADR 0015).
 *
 * <p><b>Inputs.</b> Either every input of the model is named after a column of the data (what
 * skl2onnx makes of a pipeline over named columns): each is fed that column, as a tensor {@code [n,
 * 1]} (or {@code [n]} when the input has rank 1) of the input's element type — float or double
 * (NULL as NaN, booleans as 0 / 1), int64 or int32 (NULL is an error), string (NULL as the empty
 * string) or bool. Or the model has one input that is not a column name: it is fed a float or
 * double tensor {@code [n, F]} of the data's numeric and boolean columns, in file order (F must
 * match the input's second dimension when that is fixed), NULL as NaN.
 *
 * <p><b>Output.</b> A sequence of maps (skl2onnx's ZipMap) is read as class probabilities by class
 * label; otherwise the first float or double tensor output whose name contains {@code prob}, else
 * the first float or double tensor output. For Binary Classification, {@code [n]} or {@code [n, 1]}
 * is P(label 1) and {@code [n, 2]} gives its column 1 (a map gives class 1); for Multi-class
 * Classification {@code [n, K]} (or a map over K classes, ordered by label) gives the K class
 * probabilities; for Regression {@code [n]} or {@code [n, 1]} is the value.
 */
public final class OnnxModelAdapter extends InProcessModelAdapter {

  /** How one model input is fed: its element type, rank, and the columns it takes. */
  private record Feed(String input, OnnxJavaType type, int rank, List<String> columns) {}

  private final Path file;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final List<Feed> feeds;
  private final String output;
  private volatile OrtSession.RunOptions running;

  /**
   * Opens the model and maps its inputs to the columns.
   *
   * @param file the .onnx file
   * @param task the model task (which output and shape is expected)
   * @param columns the columns a model is given (name to DuckDB type, in file order)
   * @throws ModelException when ONNX Runtime cannot load the file, or its inputs or outputs do not
   *     fit the data and the task
   */
  public OnnxModelAdapter(
      Path file, ModelTask task, Map<String, String> columns, int batchSize, Duration timeout) {
    super("ONNX model " + file, task, batchSize, timeout);
    this.file = file;
    try {
      this.env = OrtEnvironment.getEnvironment();
    } catch (RuntimeException | LinkageError e) {
      throw new ModelException(
          "ONNX model "
              + file
              + ": cannot start ONNX Runtime (it unpacks its native library into java.io.tmpdir="
              + System.getProperty("java.io.tmpdir")
              + ", which must exist and be writable): "
              + describe(e),
          null,
          e);
    }
    OrtSession s;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
      s = env.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new ModelException(
          "ONNX model " + file + ": cannot load it: " + firstLine(e.getMessage()), null, e);
    }
    this.session = s;
    try {
      this.feeds = feeds(session.getInputInfo(), columns);
      this.output = output(session.getOutputInfo());
    } catch (OrtException e) {
      release(s);
      throw new ModelException(
          "ONNX model " + file + ": cannot read its inputs and outputs: " + e.getMessage(),
          null,
          e);
    } catch (ModelException e) {
      release(s);
      throw e;
    }
  }

  private static void release(OrtSession s) {
    try {
      s.close();
    } catch (OrtException e) {
      // nothing to recover when releasing
    }
  }

  /** The model's inputs and the columns each takes, for messages and tests. */
  public Map<String, List<String>> inputColumns() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    feeds.forEach(f -> out.put(f.input(), f.columns()));
    return out;
  }

  /** The output read as the prediction. */
  public String outputName() {
    return output;
  }

  private List<Feed> feeds(Map<String, NodeInfo> inputs, Map<String, String> columns) {
    List<String> unmatched =
        inputs.keySet().stream().filter(n -> !columns.containsKey(n)).collect(Collectors.toList());
    List<Feed> out = new ArrayList<>();
    if (unmatched.isEmpty()) {
      for (NodeInfo n : inputs.values()) {
        TensorInfo t = tensor(n);
        OnnxJavaType type = t.type;
        if (!Set.of(
                OnnxJavaType.FLOAT,
                OnnxJavaType.DOUBLE,
                OnnxJavaType.INT64,
                OnnxJavaType.INT32,
                OnnxJavaType.STRING,
                OnnxJavaType.BOOL)
            .contains(type)) {
          throw open(
              "input '"
                  + n.getName()
                  + "' is "
                  + t
                  + "; column inputs must be float, double,"
                  + " int64, int32, string or bool");
        }
        long[] shape = t.getShape();
        if (shape.length < 1 || shape.length > 2 || (shape.length == 2 && shape[1] > 1)) {
          throw open(
              "input '"
                  + n.getName()
                  + "' has shape "
                  + Arrays.toString(shape)
                  + "; an input named after a column takes [n, 1] or [n]");
        }
        out.add(new Feed(n.getName(), type, shape.length, List.of(n.getName())));
      }
      return out;
    }
    if (inputs.size() > 1) {
      throw open(
          "its inputs "
              + unmatched
              + " are not columns of the data ("
              + String.join(", ", columns.keySet())
              + "); an ONNX model takes one input per column, named as the column, or one"
              + " 2-D number input of the numeric columns");
    }
    NodeInfo n = inputs.values().iterator().next();
    TensorInfo t = tensor(n);
    List<String> numeric =
        columns.entrySet().stream()
            .filter(e -> Db.isNumericType(e.getValue()) || e.getValue().equalsIgnoreCase("BOOLEAN"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    long[] shape = t.getShape();
    if (t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE || shape.length != 2) {
      throw open(
          "its one input '"
              + n.getName()
              + "' is "
              + t
              + ", not a column of the data; a single input must be a float or double tensor [n,"
              + " F] of the data's numeric columns");
    }
    if (shape[1] > 0 && shape[1] != numeric.size()) {
      throw open(
          "its input '"
              + n.getName()
              + "' takes "
              + shape[1]
              + " features, but the data has "
              + numeric.size()
              + " numeric columns "
              + numeric
              + " (a single input takes every numeric column, in file order)");
    }
    if (numeric.isEmpty()) {
      throw open(
          "its input '" + n.getName() + "' takes numbers, but the data has no numeric column");
    }
    out.add(new Feed(n.getName(), t.type, 2, numeric));
    return out;
  }

  private TensorInfo tensor(NodeInfo n) {
    ValueInfo info = n.getInfo();
    if (!(info instanceof TensorInfo)) {
      throw open("input '" + n.getName() + "' is " + info + ", not a tensor");
    }
    return (TensorInfo) info;
  }

  private String output(Map<String, NodeInfo> outputs) {
    for (NodeInfo n : outputs.values()) {
      if (n.getInfo() instanceof SequenceInfo s && s.isSequenceOfMaps()) {
        return n.getName();
      }
    }
    String first = null;
    for (NodeInfo n : outputs.values()) {
      if (n.getInfo() instanceof TensorInfo t
          && (t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE)) {
        if (n.getName().toLowerCase(Locale.ROOT).contains("prob")) {
          return n.getName();
        }
        if (first == null) {
          first = n.getName();
        }
      }
    }
    if (first == null) {
      throw open(
          "none of its outputs holds probabilities or values (a float or double tensor, or"
              + " a sequence of maps): "
              + outputs.values().stream()
                  .map(n -> n.getName() + " " + n.getInfo())
                  .collect(Collectors.joining(", ")));
    }
    return first;
  }

  private ModelException open(String what) {
    return new ModelException("ONNX model " + file + ": " + what);
  }

  @Override
  String readQuery(Db db, String select) {
    List<String> exprs = new ArrayList<>();
    for (Feed f : feeds) {
      String cast =
          switch (f.type()) {
            case FLOAT, DOUBLE -> "DOUBLE";
            case INT64, INT32 -> "BIGINT";
            case BOOL -> "BOOLEAN";
            default -> "VARCHAR";
          };
      for (String c : f.columns()) {
        exprs.add("CAST(" + Sql.ident(c) + " AS " + cast + ")");
      }
    }
    return "SELECT " + String.join(", ", exprs) + " FROM (" + select + ") AS rime_model_rows";
  }

  @Override
  BatchScorer scorer(int capacity) {
    return new Scorer(capacity);
  }

  /** One direct buffer (or array) per input, reused from batch to batch. */
  private final class Scorer implements BatchScorer {
    private final int capacity;
    private final Object[] buffers = new Object[feeds.size()];
    private final String[] missing = new String[feeds.size()];

    Scorer(int capacity) {
      this.capacity = capacity;
      for (int i = 0; i < feeds.size(); i++) {
        Feed f = feeds.get(i);
        long cells = (long) capacity * f.columns().size();
        buffers[i] =
            switch (f.type()) {
              case FLOAT -> direct(cells * 4).asFloatBuffer();
              case DOUBLE -> direct(cells * 8).asDoubleBuffer();
              case INT64, INT32 -> new long[capacity];
              case BOOL -> new boolean[capacity];
              default -> new String[capacity];
            };
      }
    }

    @Override
    public void read(ResultSet rs, int row) throws SQLException {
      int col = 1;
      for (int i = 0; i < feeds.size(); i++) {
        Feed f = feeds.get(i);
        int width = f.columns().size();
        switch (f.type()) {
          case FLOAT -> {
            FloatBuffer b = (FloatBuffer) buffers[i];
            for (int j = 0; j < width; j++, col++) {
              double v = rs.getDouble(col);
              b.put(row * width + j, rs.wasNull() ? Float.NaN : (float) v);
            }
          }
          case DOUBLE -> {
            DoubleBuffer b = (DoubleBuffer) buffers[i];
            for (int j = 0; j < width; j++, col++) {
              double v = rs.getDouble(col);
              b.put(row * width + j, rs.wasNull() ? Double.NaN : v);
            }
          }
          case INT64, INT32 -> {
            long v = rs.getLong(col++);
            if (rs.wasNull() && missing[i] == null) {
              missing[i] =
                  "row "
                      + row
                      + " of the batch has no value for column '"
                      + f.columns().get(0)
                      + "', and the model's input is "
                      + f.type();
            }
            ((long[]) buffers[i])[row] = v;
          }
          case BOOL -> {
            boolean v = rs.getBoolean(col++);
            if (rs.wasNull() && missing[i] == null) {
              missing[i] =
                  "row "
                      + row
                      + " of the batch has no value for column '"
                      + f.columns().get(0)
                      + "', and the model's input is bool";
            }
            ((boolean[]) buffers[i])[row] = v;
          }
          default -> {
            String v = rs.getString(col++);
            ((String[]) buffers[i])[row] = v == null ? "" : v;
          }
        }
      }
    }

    @Override
    public Output score(int rows) throws Exception {
      for (int i = 0; i < missing.length; i++) {
        if (missing[i] != null) {
          String m = missing[i];
          Arrays.fill(missing, null);
          throw new BadOutput(m);
        }
      }
      Map<String, OnnxTensor> inputs = new HashMap<>();
      try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
        for (int i = 0; i < feeds.size(); i++) {
          inputs.put(feeds.get(i).input(), tensor(feeds.get(i), buffers[i], rows));
        }
        running = options;
        try (OrtSession.Result result = session.run(inputs, Set.of(output), options)) {
          return read(result.get(0), rows);
        } finally {
          running = null;
        }
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }

    private OnnxTensor tensor(Feed f, Object buffer, int rows) throws OrtException {
      int width = f.columns().size();
      long[] shape = f.rank() == 1 ? new long[] {rows} : new long[] {rows, width};
      switch (f.type()) {
        case FLOAT:
          {
            FloatBuffer b = ((FloatBuffer) buffer).duplicate();
            b.clear().limit(rows * width);
            return OnnxTensor.createTensor(env, b, shape);
          }
        case DOUBLE:
          {
            DoubleBuffer b = ((DoubleBuffer) buffer).duplicate();
            b.clear().limit(rows * width);
            return OnnxTensor.createTensor(env, b, shape);
          }
        case INT64:
          return OnnxTensor.createTensor(env, LongBuffer.wrap((long[]) buffer, 0, rows), shape);
        case INT32:
          {
            long[] v = (long[]) buffer;
            int[] ints = new int[rows];
            for (int r = 0; r < rows; r++) {
              ints[r] = Math.toIntExact(v[r]);
            }
            return OnnxTensor.createTensor(env, java.nio.IntBuffer.wrap(ints), shape);
          }
        case BOOL:
          {
            boolean[] v = (boolean[]) buffer;
            ByteBuffer b = ByteBuffer.allocate(rows);
            for (int r = 0; r < rows; r++) {
              b.put(r, (byte) (v[r] ? 1 : 0));
            }
            return OnnxTensor.createTensor(env, b, shape, OnnxJavaType.BOOL);
          }
        default:
          return OnnxTensor.createTensor(env, Arrays.copyOf((String[]) buffer, rows), shape);
      }
    }

    private static ByteBuffer direct(long bytes) {
      return ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder());
    }

    private Output read(OnnxValue value, int rows) throws OrtException {
      if (value instanceof OnnxSequence seq) {
        return maps(seq, rows);
      }
      OnnxTensor t = (OnnxTensor) value;
      long[] shape = t.getInfo().getShape();
      double[] v;
      if (t.getInfo().type == OnnxJavaType.FLOAT) {
        FloatBuffer b = t.getFloatBuffer();
        v = new double[b.remaining()];
        for (int i = 0; i < v.length; i++) {
          v[i] = b.get(i);
        }
      } else {
        DoubleBuffer b = t.getDoubleBuffer();
        v = new double[b.remaining()];
        b.get(v);
      }
      int width = shape.length == 1 ? 1 : shape.length == 2 ? (int) shape[1] : -1;
      if (width < 1 || shape[0] != rows) {
        throw new BadOutput(
            "output '"
                + output
                + "' has shape "
                + Arrays.toString(shape)
                + " for "
                + rows
                + " rows; expected ["
                + rows
                + "] or ["
                + rows
                + ", K]");
      }
      if (task == ModelTask.BINARY_CLASSIFICATION && width == 2) {
        double[] p1 = new double[rows];
        for (int r = 0; r < rows; r++) {
          p1[r] = v[r * 2 + 1];
        }
        return new Output(p1, 1);
      }
      return new Output(v, width);
    }

    private Output maps(OnnxSequence seq, int rows) throws OrtException {
      List<? extends OnnxValue> list = seq.getValue();
      if (list.size() != rows) {
        throw new BadOutput(
            "output '" + output + "' has " + list.size() + " maps for " + rows + " rows");
      }
      int k = -1;
      double[] out = null;
      for (int r = 0; r < rows; r++) {
        Map<?, ?> m = ((OnnxMap) list.get(r)).getValue();
        TreeMap<Object, Object> sorted = new TreeMap<>(m);
        if (task == ModelTask.BINARY_CLASSIFICATION) {
          Object p = m.containsKey(1L) ? m.get(1L) : m.get("1");
          if (p == null) {
            throw new BadOutput(
                "output '"
                    + output
                    + "' has no probability for class 1; its classes are "
                    + sorted.keySet());
          }
          if (out == null) {
            out = new double[rows];
          }
          out[r] = ((Number) p).doubleValue();
          k = 1;
        } else {
          if (k < 0) {
            k = sorted.size();
            out = new double[rows * k];
          } else if (sorted.size() != k) {
            throw new BadOutput(
                "output '"
                    + output
                    + "' has "
                    + sorted.size()
                    + " classes in row "
                    + r
                    + ", "
                    + k
                    + " before");
          }
          int j = 0;
          for (Object p : sorted.values()) {
            out[r * k + j++] = ((Number) p).doubleValue();
          }
        }
      }
      return new Output(out == null ? new double[0] : out, Math.max(k, 1));
    }
  }

  @Override
  void onTimeout() {
    OrtSession.RunOptions r = running;
    if (r != null) {
      try {
        r.setTerminate(true);
      } catch (OrtException e) {
        // the run ends by itself or with the session
      }
    }
  }

  @Override
  public void close() {
    onTimeout();
    stopWorker(Duration.ofSeconds(10)); // a terminated run ends before the session goes
    release(session);
  }
}
