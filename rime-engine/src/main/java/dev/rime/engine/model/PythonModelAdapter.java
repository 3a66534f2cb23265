// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Python model file ({@code predict_df(df)} or {@code predict_dict(x)}) run in a child Python
 * process by {@code rime_runner.py}. Rows go to it in batches of binary columns (float64 numbers,
 * int8 booleans, UTF-8 strings, each with its nulls), predictions come back as float64; the
 * protocol is described in {@code python/runner/rime_runner.py}. The process starts at the first
 * {@link #predict}, keeps the model loaded between calls, and is stopped with its whole process
 * tree by {@link #close()}, after a timeout or a protocol failure, and at JVM exit.
 */
public final class PythonModelAdapter implements ModelAdapter {

  /** Rows per batch sent to the model. */
  public static final int DEFAULT_BATCH_SIZE = 50_000;

  /** Longest a batch (or the model's import) may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  /** The environment variable naming the python that runs Python models. */
  public static final String PYTHON_ENV = "RIME_PYTHON";

  /** Most distinct values of a text column sent as a dictionary and codes. */
  static final long MAX_DICTIONARY = 1_000_000;

  /** Fewest rows per distinct value, on average, for a text column to be sent coded. */
  static final long MIN_REPEATS = 4;

  private static final AtomicLong SCRATCH = new AtomicLong();
  private static final String RUNNER_RESOURCE = "rime_runner.py";
  private static final int LOG_LIMIT = 64 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile Path runnerScript;

  private final Path python;
  private final Path modelFile;
  private final int batchSize;
  private final Duration timeout;
  private final BoundedLog log = new BoundedLog(LOG_LIMIT);

  private Process process;
  private OutputStream toModel;
  private InputStream fromModel;
  private ExecutorService io;
  private Thread shutdownHook;
  private Thread drain;
  private String entry;
  private List<String> lastWireKinds = List.of();

  public PythonModelAdapter(Path python, Path modelFile, int batchSize, Duration timeout) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.python = python;
    this.modelFile = modelFile.toAbsolutePath().normalize();
    this.batchSize = batchSize;
    this.timeout = timeout;
  }

  /** The model file with the default python, batch size and timeout. */
  public PythonModelAdapter(Path modelFile) {
    this(defaultPython(), modelFile, DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT);
  }

  /**
   * The python that runs Python models: {@code $RIME_PYTHON} (the {@code rime} launcher sets it),
   * else the {@code rime.python} system property, else {@code python/.venv/bin/python} of the RIME
   * checkout this code runs from (built by {@code scripts/python-env.sh}).
   *
   * @throws ModelException naming what to run when there is none
   */
  public static Path defaultPython() {
    for (String configured :
        new String[] {System.getenv(PYTHON_ENV), System.getProperty("rime.python")}) {
      if (configured != null && !configured.isBlank()) {
        Path p = Path.of(configured.trim());
        if (!Files.isExecutable(p)) {
          throw new ModelException(
              "The python for Python models, "
                  + p
                  + " (from "
                  + PYTHON_ENV
                  + " or -Drime.python), is not an executable file; run scripts/python-env.sh"
                  + " to build RIME's Python environment, or point "
                  + PYTHON_ENV
                  + " at a python with numpy and pandas");
        }
        return p;
      }
    }
    List<Path> starts = new ArrayList<>();
    String home = System.getProperty("rime.home");
    if (home != null && !home.isBlank()) {
      starts.add(Path.of(home));
    }
    codeLocation().ifPresent(starts::add);
    starts.add(Path.of(System.getProperty("user.dir")));
    for (Path start : starts) {
      for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("python").resolve(".venv").resolve("bin").resolve("python");
        if (Files.isExecutable(candidate) && Files.isDirectory(dir.resolve("scripts"))) {
          return candidate;
        }
      }
    }
    throw new ModelException(
        "No Python environment for Python models: run scripts/python-env.sh (it builds"
            + " python/.venv with RIME's pinned numpy and pandas), or set "
            + PYTHON_ENV
            + " to a python that has them");
  }

  private static Optional<Path> codeLocation() {
    try {
      var source = PythonModelAdapter.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "Python model " + modelFile;
  }

  /** Which entry point the model file uses ({@code predict_df} or {@code predict_dict}). */
  public synchronized String entryPoint() {
    start();
    return entry;
  }

  @Override
  public synchronized Predictions predict(Db db, String select) {
    start();
    List<Column> columns;
    try {
      columns =
          db.query(
              "DESCRIBE " + select,
              rs -> Column.of(rs.getString("column_name"), rs.getString("column_type")));
    } catch (Db.QueryException e) {
      throw new ModelException(
          describe() + ": cannot read its input rows: " + e.getMessage(), null, e);
    }
    if (columns.stream().noneMatch(c -> c.kind == Kind.STRING)) {
      return score(db, columns, select);
    }
    // Text is sent coded against each column's dictionary where values repeat (ADR 0014): the
    // rows are kept in a temporary table so that the dictionaries and the codes come from the
    // same rows, even when the select is not deterministic.
    String rows = "__rime_model_rows_" + SCRATCH.incrementAndGet();
    List<String> types = new ArrayList<>();
    try {
      db.execute("CREATE TEMP TABLE " + rows + " AS " + select);
      List<Column> coded = dictionaries(db, rows, columns, types);
      return score(db, coded, "SELECT * FROM " + rows);
    } catch (Db.QueryException e) {
      throw new ModelException(
          describe() + ": cannot read its input rows: " + e.getMessage(), null, e);
    } finally {
      dropQuietly(db, "DROP TABLE IF EXISTS " + rows);
      for (String type : types) {
        dropQuietly(db, "DROP TYPE IF EXISTS " + type);
      }
    }
  }

  /** How each column went to Python in the last {@link #predict} call (for tests). */
  synchronized List<String> lastWireKinds() {
    return lastWireKinds;
  }

  private Predictions score(Db db, List<Column> columns, String select) {
    lastWireKinds = columns.stream().map(c -> c.kind.wire).toList();
    Scoring scoring = new Scoring(columns);
    try {
      db.forEach(wireSelect(columns, select), scoring::add);
    } catch (Db.QueryException e) {
      scoring.abandon();
      throw new ModelException(
          describe() + ": cannot read its input rows: " + e.getMessage(), null, e);
    } catch (ModelException e) {
      scoring.abandon();
      throw e;
    }
    return scoring.finish();
  }

  /**
   * The columns with each text column whose values repeat (at most {@link #MAX_DICTIONARY} distinct
   * values, and on average at least {@link #MIN_REPEATS} rows per value) turned into a {@link
   * Kind#CODE} column: an ENUM type of its distinct values (named in {@code types}, for the caller
   * to drop) gives each row its code in SQL, and the dictionary is read once.
   */
  private static List<Column> dictionaries(
      Db db, String table, List<Column> columns, List<String> types) {
    StringBuilder counts = new StringBuilder("SELECT count(*)");
    for (Column c : columns) {
      if (c.kind == Kind.STRING) {
        counts.append(", approx_count_distinct(").append(Sql.ident(c.name)).append(')');
      }
    }
    long[] count = db.queryOne(counts + " FROM " + table, PythonModelAdapter::longs);
    List<Column> out = new ArrayList<>(columns.size());
    int k = 1;
    for (Column c : columns) {
      if (c.kind != Kind.STRING) {
        out.add(c);
        continue;
      }
      long distinct = count[k++];
      if (distinct == 0 || distinct > MAX_DICTIONARY || distinct * MIN_REPEATS > count[0]) {
        out.add(c);
        continue;
      }
      String type = "__rime_model_dict_" + SCRATCH.incrementAndGet();
      String text = "CAST(" + Sql.ident(c.name) + " AS VARCHAR)";
      db.execute(
          "CREATE TYPE "
              + type
              + " AS ENUM (SELECT DISTINCT "
              + text
              + " FROM "
              + table
              + " WHERE "
              + text
              + " IS NOT NULL)");
      types.add(type);
      out.add(new Column(c.name, Kind.CODE, type, Dictionary.read(db, type)));
    }
    return out;
  }

  private static long[] longs(ResultSet rs) throws SQLException {
    long[] v = new long[rs.getMetaData().getColumnCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rs.getLong(i + 1);
    }
    return v;
  }

  private static void dropQuietly(Db db, String sql) {
    try {
      db.execute(sql);
    } catch (RuntimeException e) {
      // a scratch object left behind costs memory only; the scoring's own error matters more
    }
  }

  /**
   * The rows in the form the batches read fast: numbers as DOUBLE, coded text as the INTEGER code
   * of its value in the column's dictionary, other text (and any other type, as its text) as the
   * BLOB of its UTF-8 bytes, which DuckDB's JDBC driver hands over about three times faster than a
   * String.
   */
  private static String wireSelect(List<Column> columns, String select) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      String col = "__rime_rows." + Sql.ident(column.name);
      sql.append(c == 0 ? "" : ", ")
          .append(
              switch (column.kind) {
                case NUMBER -> "CAST(" + col + " AS DOUBLE)";
                case BOOL -> col;
                case STRING -> "encode(CAST(" + col + " AS VARCHAR))";
                case CODE ->
                    "CAST(enum_code(CAST(CAST("
                        + col
                        + " AS VARCHAR) AS "
                        + column.enumType
                        + ")) AS INTEGER)";
              });
    }
    return sql.append(" FROM (").append(select).append(") AS __rime_rows").toString();
  }

  /** One call of predict: the batch being filled, the one being scored, the outputs so far. */
  private final class Scoring {
    private final List<Column> columns;
    private Batch filling;
    private Future<Reply> pending;
    private Batch sent;
    private long rowsDone;
    private double[] values = new double[0];
    private int valueCount;
    private int outputs;

    Scoring(List<Column> columns) {
      this.columns = columns;
    }

    void add(ResultSet rs) throws SQLException {
      if (filling == null) {
        filling = new Batch(columns, batchSize, rowsDone + rowsInFlight());
      }
      filling.add(rs);
      if (filling.rows == batchSize) {
        ship();
      }
    }

    private long rowsInFlight() {
      return sent == null ? 0 : sent.rows;
    }

    /** Sends the filled batch, first collecting the previous one's reply. */
    private void ship() {
      collect();
      Batch batch = filling;
      filling = null;
      sent = batch;
      pending = io.submit(() -> exchange(batch));
    }

    private void collect() {
      if (pending == null) {
        return;
      }
      Reply reply = await(pending, sent);
      pending = null;
      accept(sent, reply);
      rowsDone += sent.rows;
      sent = null;
    }

    Predictions finish() {
      if (filling != null && filling.rows > 0) {
        ship();
      }
      collect();
      return new Predictions(Arrays.copyOf(values, valueCount), outputs == 0 ? 1 : outputs);
    }

    void abandon() {
      if (pending != null) {
        pending.cancel(true);
        stop();
      }
    }

    private void accept(Batch batch, Reply reply) {
      if (reply.error != null) {
        throw new ModelException(
            where(batch) + ": " + reply.error, joinLogs(reply.traceback, log.tail()), null);
      }
      if (reply.rows != batch.rows) {
        throw new ModelException(
            where(batch)
                + ": the model returned "
                + reply.rows
                + " predictions for "
                + batch.rows
                + " rows",
            log.tail(),
            null);
      }
      if (outputs == 0) {
        outputs = reply.outputs;
      } else if (reply.outputs != outputs) {
        throw new ModelException(
            where(batch)
                + ": the model returned "
                + reply.outputs
                + " outputs per row, earlier batches had "
                + outputs,
            log.tail(),
            null);
      }
      double[] v = reply.values;
      for (int i = 0; i < v.length; i++) {
        if (!Double.isFinite(v[i])) {
          long row = batch.firstRow + i / reply.outputs;
          throw new ModelException(
              where(batch)
                  + ": the model returned "
                  + v[i]
                  + " for row "
                  + row
                  + (reply.outputs > 1 ? " (output " + i % reply.outputs + ")" : "")
                  + "; predictions must be finite numbers",
              log.tail(),
              null);
        }
      }
      if (valueCount + v.length > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, valueCount + v.length));
      }
      System.arraycopy(v, 0, values, valueCount, v.length);
      valueCount += v.length;
    }
  }

  private String where(Batch batch) {
    return describe()
        + ", batch rows "
        + batch.firstRow
        + "-"
        + (batch.firstRow + Math.max(batch.rows, 1) - 1);
  }

  private Reply await(Future<Reply> future, Batch batch) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      stop();
      throw new ModelException(
          where(batch)
              + ": the model took longer than the timeout of "
              + seconds(timeout)
              + "; its process was stopped",
          log.tail(),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new ModelException(where(batch) + ": interrupted", log.tail(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw died(where(batch), cause);
    }
  }

  /** The process stopped answering (it exited, or the frames broke): say how, and stop it. */
  private ModelException died(String where, Throwable cause) {
    Process p = process;
    String how;
    Integer code = null;
    if (p != null) {
      try {
        if (p.waitFor(2, TimeUnit.SECONDS)) {
          code = p.exitValue();
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    stop();
    String tail = log.tail();
    if (code != null) {
      how = "the Python process exited with code " + code;
    } else {
      how = "the Python process stopped answering (" + cause.getMessage() + ")";
    }
    String last = lastLine(tail);
    return new ModelException(
        where + ": " + how + (last.isEmpty() ? "" : "; its last output: " + last), tail, cause);
  }

  private static String lastLine(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    int nl = t.lastIndexOf('\n');
    String line = nl < 0 ? t : t.substring(nl + 1);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  private static String joinLogs(String traceback, String stderr) {
    if (stderr == null || stderr.isBlank()) {
      return traceback;
    }
    return traceback + "\n--- standard error ---\n" + stderr;
  }

  // ---------------------------------------------------------------- the child process

  private void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    stop();
    if (!Files.isRegularFile(modelFile)) {
      throw new ModelException(describe() + ": the file does not exist");
    }
    List<String> cmd = List.of(python.toString(), runner().toString(), modelFile.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(modelFile.getParent().toFile());
    pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new ModelException(
          describe()
              + ": cannot start "
              + python
              + " ("
              + e.getMessage()
              + "); run scripts/python-env.sh to build RIME's Python environment, or set "
              + PYTHON_ENV,
          null,
          e);
    }
    process = p;
    log.clear();
    drain = new Thread(() -> log.drain(p.getErrorStream()), "python-model-stderr");
    drain.setDaemon(true);
    drain.start();
    toModel = new BufferedOutputStream(p.getOutputStream(), 1 << 20);
    fromModel = new BufferedInputStream(p.getInputStream(), 1 << 16);
    io =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "python-model-io");
              t.setDaemon(true);
              return t;
            });
    shutdownHook = new Thread(() -> kill(p), "python-model-reaper");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Future<Reply> ready = io.submit(this::readReply);
    String where = describe() + ", loading the file";
    Reply reply;
    try {
      reply = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      stop();
      throw new ModelException(
          where + ": took longer than the timeout of " + seconds(timeout), log.tail(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new ModelException(where + ": interrupted", log.tail(), e);
    } catch (ExecutionException e) {
      throw died(where, e.getCause());
    }
    if (reply.error != null) {
      stop();
      throw new ModelException(
          where + ": " + reply.error, joinLogs(reply.traceback, log.tail()), null);
    }
    entry = reply.entry;
  }

  /** Kills the process and its descendants at once; never throws. */
  private void stop() {
    stop(false);
  }

  /**
   * Stops the process and its descendants; never throws. Gracefully: closes its input (the runner
   * then exits by itself) and kills it only if it has not exited within 2 s; otherwise kills it at
   * once (a timed-out or broken process may be blocked and never read its input).
   */
  private void stop(boolean graceful) {
    Process p = process;
    process = null;
    if (io != null) {
      io.shutdownNow();
      io = null;
    }
    if (p == null) {
      return;
    }
    if (graceful) {
      try {
        toModel.close();
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          kill(p);
        }
      } catch (IOException | RuntimeException e) {
        kill(p);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    kill(p);
    try {
      toModel.close();
    } catch (IOException | RuntimeException e) {
      // the process is gone; writing to it fails, which does not matter any more
    }
    awaitLog();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook runs kill() itself
      }
      shutdownHook = null;
    }
  }

  /** Lets the standard-error reader take the last output of a process that ended. */
  private void awaitLog() {
    Thread t = drain;
    if (t != null) {
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Kills the process tree, children first, and waits for the process to be reaped. */
  private static void kill(Process p) {
    List<ProcessHandle> tree = p.toHandle().descendants().toList();
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : tree) {
      try {
        h.onExit().get(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // it is killed; a zombie of a child that was re-parented is reaped by init
      }
    }
  }

  @Override
  public synchronized void close() {
    stop(true);
  }

  /** The process id while it runs (for tests that check it is reaped). */
  synchronized Optional<ProcessHandle> processHandle() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  private static Path runner() {
    Path script = runnerScript;
    if (script != null && Files.isRegularFile(script)) {
      return script;
    }
    synchronized (PythonModelAdapter.class) {
      try (InputStream in = PythonModelAdapter.class.getResourceAsStream(RUNNER_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RUNNER_RESOURCE + " is missing from the engine's jar");
        }
        Path dir = Files.createTempDirectory("rime-runner");
        Path file = dir.resolve(RUNNER_RESOURCE);
        Files.copy(in, file);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        runnerScript = file;
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + RUNNER_RESOURCE, e);
      }
    }
  }

  // ---------------------------------------------------------------- frames

  private Reply exchange(Batch batch) throws IOException {
    batch.writeTo(toModel);
    toModel.flush();
    return readReply();
  }

  private Reply readReply() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    int b;
    while ((b = fromModel.read()) != '\n') {
      if (b < 0) {
        throw new EOFException("end of the model's output");
      }
      line.write(b);
    }
    JsonNode h;
    try {
      h = JSON.readTree(line.toByteArray());
    } catch (RuntimeException e) {
      throw new IOException(
          "not a reply frame: " + line.toString(StandardCharsets.UTF_8).strip(), e);
    }
    Reply r = new Reply();
    if (!h.path("ok").asBoolean(false)) {
      r.error = h.path("type").asString("Error") + ": " + h.path("message").asString("");
      r.traceback = h.path("traceback").asString("");
      return r;
    }
    if (h.path("ready").asBoolean(false)) {
      r.entry = h.path("entry").asString("");
      return r;
    }
    r.rows = h.path("rows").asLong(-1);
    r.outputs = h.path("outputs").asInt(0);
    long count = r.rows * r.outputs;
    if (r.rows < 0 || r.outputs < 1 || count > Integer.MAX_VALUE / 8) {
      throw new IOException("a reply frame of " + r.rows + " rows of " + r.outputs + " outputs");
    }
    byte[] raw = fromModel.readNBytes((int) count * 8);
    if (raw.length != count * 8) {
      throw new EOFException("end of the model's output within a reply");
    }
    r.values = new double[(int) count];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(r.values);
    return r;
  }

  private static final class Reply {
    String error;
    String traceback;
    String entry;
    long rows;
    int outputs;
    double[] values = new double[0];
  }

  /** How a result column goes to Python. */
  private enum Kind {
    NUMBER("number"),
    BOOL("bool"),
    STRING("string"),
    CODE("code");

    final String wire;

    Kind(String wire) {
      this.wire = wire;
    }
  }

  /**
   * A column as it goes to Python; a {@link Kind#CODE} column also has the ENUM type that codes it
   * and its dictionary.
   */
  private record Column(String name, Kind kind, String enumType, Dictionary dictionary) {
    static Column of(String name, String type) {
      String t = type.toUpperCase(Locale.ROOT);
      if (Db.isNumericType(t)) {
        return new Column(name, Kind.NUMBER, null, null);
      }
      return new Column(name, t.equals("BOOLEAN") ? Kind.BOOL : Kind.STRING, null, null);
    }
  }

  /** The values of an ENUM type in code order: byte offsets and UTF-8 bytes, as on the wire. */
  private record Dictionary(int size, int[] offsets, byte[] utf8) {
    static Dictionary read(Db db, String type) {
      List<byte[]> values = new ArrayList<>();
      db.forEach(
          "SELECT encode(v), CAST(enum_code(CAST(v AS "
              + type
              + ")) AS INTEGER) AS code FROM (SELECT unnest(enum_range(NULL::"
              + type
              + ")) AS v) ORDER BY code",
          rs -> {
            if (rs.getInt(2) != values.size()) {
              throw new IllegalStateException("the codes of " + type + " are not 0, 1, 2, ...");
            }
            values.add(rs.getBytes(1));
          });
      int[] offsets = new int[values.size() + 1];
      Bytes bytes = new Bytes();
      for (int i = 0; i < values.size(); i++) {
        bytes.append(values.get(i));
        offsets[i + 1] = bytes.size;
      }
      return new Dictionary(values.size(), offsets, Arrays.copyOf(bytes.data, bytes.size));
    }
  }

  /** Rows of one batch, column by column, in the wire format. */
  private static final class Batch {
    final List<Column> columns;
    final long firstRow;
    final double[][] numbers;
    final byte[][] bools;
    final byte[][] nulls;
    final int[][] offsets;
    final Bytes[] text;
    final int[][] codes;
    final boolean withDictionaries;
    int rows;

    Batch(List<Column> columns, int capacity, long firstRow) {
      this.columns = columns;
      this.firstRow = firstRow;
      this.withDictionaries = firstRow == 0;
      int n = columns.size();
      numbers = new double[n][];
      bools = new byte[n][];
      nulls = new byte[n][];
      offsets = new int[n][];
      text = new Bytes[n];
      codes = new int[n][];
      for (int c = 0; c < n; c++) {
        switch (columns.get(c).kind) {
          case NUMBER -> numbers[c] = new double[capacity];
          case BOOL -> {
            bools[c] = new byte[capacity];
            nulls[c] = new byte[capacity];
          }
          case STRING -> {
            nulls[c] = new byte[capacity];
            offsets[c] = new int[capacity + 1];
            text[c] = new Bytes();
          }
          case CODE -> codes[c] = new int[capacity];
        }
      }
    }

    void add(ResultSet rs) throws SQLException {
      int r = rows;
      for (int c = 0; c < columns.size(); c++) {
        int i = c + 1;
        switch (columns.get(c).kind) {
          case NUMBER -> {
            double v = rs.getDouble(i);
            numbers[c][r] = rs.wasNull() ? Double.NaN : v;
          }
          case BOOL -> {
            boolean v = rs.getBoolean(i);
            if (rs.wasNull()) {
              nulls[c][r] = 1;
            } else {
              bools[c][r] = (byte) (v ? 1 : 0);
            }
          }
          case STRING -> {
            byte[] utf8 = rs.getBytes(i);
            if (utf8 == null) {
              nulls[c][r] = 1;
            } else {
              text[c].append(utf8);
            }
            offsets[c][r + 1] = text[c].size;
          }
          case CODE -> {
            int code = rs.getInt(i);
            codes[c][r] = rs.wasNull() ? -1 : code;
          }
        }
      }
      rows = r + 1;
    }

    void writeTo(OutputStream out) throws IOException {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("rows", rows);
      List<Map<String, Object>> cols = new ArrayList<>();
      for (Column c : columns) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("name", c.name);
        col.put("kind", c.kind.wire);
        if (c.kind == Kind.CODE && withDictionaries) {
          col.put("dictionary", c.dictionary.size());
        }
        cols.add(col);
      }
      header.put("columns", cols);
      out.write(JSON.writeValueAsBytes(header));
      out.write('\n');
      ByteBuffer buf =
          ByteBuffer.allocate(8 * Math.max(rows + 1, 1)).order(ByteOrder.LITTLE_ENDIAN);
      for (int c = 0; c < columns.size(); c++) {
        switch (columns.get(c).kind) {
          case NUMBER -> {
            buf.clear();
            buf.asDoubleBuffer().put(numbers[c], 0, rows);
            out.write(buf.array(), 0, 8 * rows);
          }
          case BOOL -> {
            out.write(bools[c], 0, rows);
            out.write(nulls[c], 0, rows);
          }
          case STRING -> {
            out.write(nulls[c], 0, rows);
            buf.clear();
            buf.asIntBuffer().put(offsets[c], 0, rows + 1);
            out.write(buf.array(), 0, 4 * (rows + 1));
            out.write(text[c].data, 0, text[c].size);
          }
          case CODE -> {
            Column column = columns.get(c);
            if (withDictionaries) {
              Dictionary d = column.dictionary;
              ByteBuffer offs =
                  ByteBuffer.allocate(4 * (d.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
              offs.asIntBuffer().put(d.offsets());
              out.write(offs.array());
              out.write(d.utf8());
            }
            buf.clear();
            buf.asIntBuffer().put(codes[c], 0, rows);
            out.write(buf.array(), 0, 4 * rows);
          }
        }
      }
    }
  }

  /** A growing byte array for a column's UTF-8 text. */
  private static final class Bytes {
    byte[] data = new byte[1 << 12];
    int size;

    void append(byte[] b) {
      if (size + b.length > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + b.length));
      }
      System.arraycopy(b, 0, data, size, b.length);
      size += b.length;
    }
  }

  /** The last bytes of the model's standard error. */
  private static final class BoundedLog {
    private final int limit;
    private final StringBuilder text = new StringBuilder();

    BoundedLog(int limit) {
      this.limit = limit;
    }

    synchronized void clear() {
      text.setLength(0);
    }

    void drain(InputStream in) {
      byte[] buf = new byte[8192];
      try (in) {
        int k;
        while ((k = in.read(buf)) > 0) {
          append(new String(buf, 0, k, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the process ended
      }
    }

    private synchronized void append(String s) {
      text.append(s);
      if (text.length() > limit) {
        text.delete(0, text.length() - limit);
      }
    }

    synchronized String tail() {
      return text.length() == 0 ? null : text.toString();
    }
  }
}
