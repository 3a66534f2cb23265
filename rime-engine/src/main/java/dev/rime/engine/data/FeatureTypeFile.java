// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.engine.config.Suggest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code data_info.feature_type_path}: a UTF-8 CSV file with the header {@code
 * FeatureName,FeatureType} (either order) and one row per feature whose type it fixes, RIME's types
 * being {@code BoolCategoricalColumn, DomainColumn, EmailColumn, NumericCategoricalColumn,
 * StringCategoricalColumn, UrlColumn, FloatColumn, IntegerColumn}. Fields may be quoted (RFC 4180,
 * one line per row) and are trimmed, then unquoted; blank lines are skipped. Every error names the
 * file and line. {@link #checkValues} then holds each declared type to the reference values.
 */
public final class FeatureTypeFile {

  /** The config key, for messages. */
  public static final String KEY = "data_info.feature_type_path";

  /** One of RIME's feature types and what it means here. */
  public enum Declared {
    BoolCategoricalColumn(FeatureType.BOOLEAN, ValueType.BOOL),
    DomainColumn(FeatureType.DOMAIN, ValueType.DOMAIN),
    EmailColumn(FeatureType.EMAIL, ValueType.EMAIL),
    /** Categorical numbers: the value type (int or float) follows the reference values. */
    NumericCategoricalColumn(FeatureType.CATEGORICAL, null),
    StringCategoricalColumn(FeatureType.CATEGORICAL, ValueType.STRING),
    UrlColumn(FeatureType.URL, ValueType.URL),
    FloatColumn(FeatureType.NUMERIC, ValueType.FLOAT),
    IntegerColumn(FeatureType.NUMERIC, ValueType.INT);

    final FeatureType type;
    final ValueType valueType;

    Declared(FeatureType type, ValueType valueType) {
      this.type = type;
      this.valueType = valueType;
    }

    /** The engine's type for columns of this RIME type. */
    public FeatureType type() {
      return type;
    }

    /** The value type, or null when it follows the reference values. */
    public ValueType valueType() {
      return valueType;
    }

    /** Whether categories of such a column compare by number value. */
    public boolean numericValues() {
      return this == NumericCategoricalColumn || this == FloatColumn || this == IntegerColumn;
    }
  }

  /**
   * One row of the file.
   *
   * @param feature the feature named
   * @param type its type
   * @param line the line of the file it is on (the header is line 1)
   */
  public record Entry(String feature, Declared type, int line) {}

  private FeatureTypeFile() {}

  /**
   * Reads the file.
   *
   * @return the entries by feature name, in file order
   * @throws DataException naming the file and line when it is missing, unreadable or malformed, a
   *     type is unknown or a feature is named twice
   */
  public static Map<String, Entry> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DataException(KEY, "file not found: " + file);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new DataException(KEY, "cannot read " + file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new DataException(KEY, "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\n", -1);
    int headerLine = 0;
    while (headerLine < lines.length && strip(lines[headerLine]).isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.length) {
      throw new DataException(
          KEY,
          file + " is empty; expected the header FeatureName,FeatureType and one row a feature");
    }
    List<String> header = fields(file, headerLine + 1, strip(lines[headerLine]));
    List<String> trimmed = header.stream().map(String::trim).toList();
    int nameAt = trimmed.indexOf("FeatureName");
    int typeAt = trimmed.indexOf("FeatureType");
    if (trimmed.size() != 2 || nameAt < 0 || typeAt < 0) {
      throw new DataException(
          KEY,
          file
              + " line "
              + (headerLine + 1)
              + ": expected the header FeatureName,FeatureType, not "
              + String.join(",", header));
    }
    List<String> types = Arrays.stream(Declared.values()).map(Declared::name).toList();
    Map<String, Entry> out = new LinkedHashMap<>();
    for (int i = headerLine + 1; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = strip(lines[i]);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = fields(file, lineNo, line);
      if (f.size() != 2) {
        throw new DataException(
            KEY,
            file
                + " line "
                + lineNo
                + ": expected 2 fields (FeatureName,FeatureType), found "
                + f.size());
      }
      String name = f.get(nameAt).trim();
      String type = f.get(typeAt).trim();
      if (name.isEmpty()) {
        throw new DataException(KEY, file + " line " + lineNo + ": FeatureName is empty");
      }
      if (!types.contains(type)) {
        throw new DataException(
            KEY,
            file
                + " line "
                + lineNo
                + ": FeatureType '"
                + type
                + "' of '"
                + name
                + "': "
                + Suggest.unknown("feature type", type, types));
      }
      Entry previous = out.get(name);
      if (previous != null) {
        throw new DataException(
            KEY,
            file
                + " line "
                + lineNo
                + ": feature '"
                + name
                + "' is already given a type on line "
                + previous.line());
      }
      out.put(name, new Entry(name, Declared.valueOf(type), lineNo));
    }
    return out;
  }

  /**
   * The largest share of the non-missing reference values a declared type may break: a column most
   * of whose values are not of its declared type is a mistake in the file (a wrong line or name),
   * not a data problem for the Must be … tests to report on every row.
   */
  public static final double MAX_BROKEN_SHARE = 0.5;

  /**
   * Holds each declared type to the values of its reference column, each distinct value judged once
   * from its text (missing values, null or NaN, aside): numbers for {@code FloatColumn} and {@code
   * NumericCategoricalColumn}, whole numbers for {@code IntegerColumn}, the boolean texts ({@link
   * ValueType#BOOLEAN_TEXTS}) for {@code BoolCategoricalColumn}, the patterns of {@link TextKinds}
   * for the e-mail, URL and domain types; any text is a string.
   *
   * @throws DataException naming the file, line, column and a few offending values when more than
   *     {@link #MAX_BROKEN_SHARE} of a column's non-missing values break its declared type
   */
  public static void checkValues(Db db, Dataset ref, Map<String, Entry> declared, Path file) {
    for (Entry e : declared.values()) {
      String broken = broken(e.type(), "v");
      if (broken == null || !ref.columns().containsKey(e.feature())) {
        continue;
      }
      String values =
          "(SELECT v, count(*) AS n FROM (SELECT CAST("
              + Sql.ident(e.feature())
              + " AS VARCHAR) AS v FROM "
              + ref.quotedTable()
              + ") WHERE v IS NOT NULL AND lower(trim(v)) NOT IN ('nan', '+nan', '-nan')"
              + " GROUP BY v)";
      long[] counts =
          db.queryOne(
              "SELECT COALESCE(sum(n), 0), COALESCE(sum(n) FILTER (WHERE "
                  + broken
                  + "), 0) FROM "
                  + values,
              rs -> new long[] {rs.getLong(1), rs.getLong(2)});
      if (counts[1] <= MAX_BROKEN_SHARE * counts[0]) {
        continue;
      }
      List<String> examples =
          db.query(
              "SELECT v FROM " + values + " WHERE " + broken + " ORDER BY n DESC, v LIMIT 3",
              rs -> "'" + rs.getString(1) + "'");
      throw new DataException(
          KEY,
          String.format(
              java.util.Locale.ROOT,
              "%s line %d: '%s' is declared %s, but %d of its %d non-missing values in %s (%.1f%%)"
                  + " are not %s, e.g. %s; a declared type must fit at least half of the values",
              file,
              e.line(),
              e.feature(),
              e.type(),
              counts[1],
              counts[0],
              ref.file(),
              100.0 * counts[1] / counts[0],
              plural(e.type()),
              String.join(", ", examples)));
    }
  }

  /** SQL: true when the text {@code v} is not of the declared type; null when any text is. */
  private static String broken(Declared type, String v) {
    String d = "TRY_CAST(" + v + " AS DOUBLE)";
    switch (type) {
      case FloatColumn:
      case NumericCategoricalColumn:
        return d + " IS NULL";
      case IntegerColumn:
        return d + " IS NULL OR NOT isfinite(" + d + ") OR " + d + " <> trunc(" + d + ")";
      case BoolCategoricalColumn:
        return "lower(trim("
            + v
            + ")) NOT IN ("
            + ValueType.BOOLEAN_TEXTS.stream().map(Sql::str).collect(Collectors.joining(", "))
            + ")";
      case DomainColumn:
      case EmailColumn:
      case UrlColumn:
        return "NOT " + TextKinds.matches(type.type(), v);
      default:
        return null;
    }
  }

  /** What the values of a declared type are, for messages. */
  private static String plural(Declared type) {
    switch (type) {
      case FloatColumn:
      case NumericCategoricalColumn:
        return "numbers";
      case IntegerColumn:
        return "whole numbers";
      case BoolCategoricalColumn:
        return "booleans (" + String.join("/", ValueType.BOOLEAN_TEXTS) + ")";
      default:
        return TextKinds.plural(type.type());
    }
  }

  private static String strip(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /**
   * The fields of one CSV line: commas separate, double quotes quote, {@code ""} is a quote; white
   * space around a quoted field is not part of it ({@code a, "b"} is {@code a} and {@code b}).
   */
  static List<String> fields(Path file, int lineNo, String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (ch == '"' && field.toString().isBlank() && !wasQuoted) {
        // Fields are trimmed before they are unquoted: white space before the quote is dropped.
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (wasQuoted) {
        if (!Character.isWhitespace(ch)) {
          throw new DataException(
              KEY,
              file + " line " + lineNo + ": text after a closing quote at character " + (i + 1));
        }
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new DataException(KEY, file + " line " + lineNo + ": unterminated quote");
    }
    out.add(field.toString());
    return out;
  }
}
