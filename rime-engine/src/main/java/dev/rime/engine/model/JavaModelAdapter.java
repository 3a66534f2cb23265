// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.model;

import dev.rime.api.model.Model;
import dev.rime.api.model.ModelBatch;
import dev.rime.engine.config.ModelTask;
import dev.rime.engine.data.Db;
import dev.rime.engine.data.Sql;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Model} from a jar, run in the job's JVM (ADR 0015). The class is loaded by a class
 * loader of its own whose parent sees the JDK and the package {@code dev.rime.api.model} only, so
 * the model's libraries never clash with RIME's. Rows reach it as a {@link ModelBatch}: integer
 * columns as {@code Long}, floating-point and decimal ones as {@code Double}, booleans as {@code
 * Boolean}, everything else as text, SQL NULL as null.
 */
public final class JavaModelAdapter extends InProcessModelAdapter {

  /** Sees the JDK (platform classes) and the model API, nothing of RIME's class path. */
  private static final class ApiOnly extends ClassLoader {
    ApiOnly() {
      super("rime-model-api", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (name.startsWith("dev.rime.api.model.")) {
        return Model.class.getClassLoader().loadClass(name);
      }
      throw new ClassNotFoundException(name);
    }
  }

  private final URLClassLoader loader;
  private final Model model;

  /**
   * Loads {@code className} from {@code jar} and makes one instance with its public no-argument
   * constructor.
   *
   * @throws ModelException when the jar cannot be read, the class is missing, is not a {@link
   *     Model}, or cannot be made
   */
  public JavaModelAdapter(
      Path jar, String className, ModelTask task, int batchSize, Duration timeout) {
    super("Java model " + className + " in " + jar, task, batchSize, timeout);
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new ModelException(describe() + ": not a jar path: " + e.getMessage(), null, e);
    }
    this.loader = new URLClassLoader("rime-model", new URL[] {url}, new ApiOnly());
    Model m;
    try {
      Class<?> c = Class.forName(className, false, loader);
      if (!Model.class.isAssignableFrom(c)) {
        throw new ModelException(
            describe() + ": the class does not implement " + Model.class.getName());
      }
      if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
        throw new ModelException(describe() + ": the class is abstract");
      }
      Constructor<?> ctor;
      try {
        ctor = c.getConstructor();
      } catch (NoSuchMethodException e) {
        throw new ModelException(
            describe() + ": the class has no public constructor without arguments", null, e);
      }
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      Thread.currentThread().setContextClassLoader(loader);
      try {
        m = (Model) ctor.newInstance();
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
    } catch (ClassNotFoundException e) {
      closeLoader();
      throw new ModelException(
          describe() + ": the jar has no class " + className + " (model_info.class_name)", null, e);
    } catch (InvocationTargetException e) {
      closeLoader();
      throw new ModelException(
          describe() + ": its constructor raised " + describe(e.getCause()), null, e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      closeLoader();
      throw new ModelException(describe() + ": cannot load it: " + describe(e), null, e);
    } catch (ModelException e) {
      closeLoader();
      throw e;
    }
    this.model = m;
  }

  /** How a column of a DuckDB type reaches the model. */
  private enum Kind {
    LONG,
    DOUBLE,
    BOOLEAN,
    TEXT
  }

  private List<String> names = List.of();
  private List<Kind> kinds = List.of();

  @Override
  String readQuery(Db db, String select) {
    List<String> n = new ArrayList<>();
    List<Kind> k = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    for (String[] c :
        db.query(
            "DESCRIBE SELECT * FROM (" + select + ") AS rime_model_rows",
            rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      Kind kind = kind(c[1]);
      n.add(c[0]);
      k.add(kind);
      String cast =
          switch (kind) {
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TEXT -> "VARCHAR";
          };
      exprs.add("CAST(" + Sql.ident(c[0]) + " AS " + cast + ")");
    }
    names = n;
    kinds = k;
    return "SELECT " + String.join(", ", exprs) + " FROM (" + select + ") AS rime_model_rows";
  }

  private static Kind kind(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    if (t.matches("(U?TINYINT|U?SMALLINT|U?INTEGER|BIGINT)")) {
      return Kind.LONG;
    }
    if (Db.isNumericType(t)) {
      return Kind.DOUBLE;
    }
    if (t.equals("BOOLEAN")) {
      return Kind.BOOLEAN;
    }
    return Kind.TEXT;
  }

  @Override
  BatchScorer scorer(int capacity) {
    List<String> columns = names;
    List<Kind> types = kinds;
    Object[][] values = new Object[columns.size()][capacity];
    return new BatchScorer() {
      @Override
      public void read(ResultSet rs, int row) throws SQLException {
        for (int c = 0; c < values.length; c++) {
          Object v =
              switch (types.get(c)) {
                case LONG -> rs.getLong(c + 1);
                case DOUBLE -> rs.getDouble(c + 1);
                case BOOLEAN -> rs.getBoolean(c + 1);
                case TEXT -> rs.getString(c + 1);
              };
          values[c][row] = rs.wasNull() ? null : v;
        }
      }

      @Override
      public Output score(int rows) throws Exception {
        ModelBatch batch = new ModelBatch(columns, values, rows);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        double[][] out;
        try {
          out = model.predict(batch);
        } finally {
          Thread.currentThread().setContextClassLoader(previous);
        }
        return flatten(out, rows);
      }
    };
  }

  private static Output flatten(double[][] out, int rows) {
    if (out == null) {
      throw new BadOutput("predict returned null");
    }
    if (out.length != rows) {
      throw new BadOutput("predict returned " + out.length + " rows for " + rows);
    }
    int k = rows == 0 || out[0] == null ? 0 : out[0].length;
    double[] flat = new double[rows * k];
    for (int r = 0; r < rows; r++) {
      if (out[r] == null || out[r].length != k) {
        throw new BadOutput(
            "predict returned "
                + (out[r] == null ? "null" : out[r].length + " values")
                + " for row "
                + r
                + " of the batch but "
                + k
                + " for row 0");
      }
      System.arraycopy(out[r], 0, flat, r * k, k);
    }
    if (k == 0) {
      throw new BadOutput("predict returned rows without values");
    }
    return new Output(flat, k);
  }

  @Override
  public void close() {
    stopWorker(Duration.ofSeconds(1));
    try {
      model.close();
    } catch (Exception | LinkageError e) {
      // the run is over; a model that fails to close loses nothing of the results
    }
    closeLoader();
  }

  private void closeLoader() {
    try {
      loader.close();
    } catch (IOException e) {
      // nothing to recover when releasing
    }
  }
}
