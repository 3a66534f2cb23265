// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-class model's class probabilities for one dataset, loaded from {@code
 * data_info.ref_pred_path} or {@code eval_pred_path} into a table with one DOUBLE column per class
 * ({@code __rime_p0}, {@code __rime_p1}, …), row i belonging to row i of the data.
 *
 * @param key the config key that named the file
 * @param file the resolved file
 * @param table the table name (unquoted)
 * @param classes number of classes (columns)
 */
public record ClassProbabilities(String key, Path file, String table, int classes) {

  /** The column of class {@code k}'s probability (unquoted). */
  public static String column(int k) {
    return "__rime_p" + k;
  }

  /** The quoted columns of every class, in class order. */
  public List<String> columns() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      out.add(Sql.ident(column(k)));
    }
    return out;
  }

  /** The probabilities of a row as a DuckDB list, class 0 first. */
  public String listExpr() {
    return "[" + String.join(", ", columns()) + "]";
  }

  /**
   * The predicted class of a row (over {@link #joinedWith}): the first class of the largest
   * probability, as numpy's argmax.
   */
  public String predictedClassExpr() {
    return "(list_position(" + listExpr() + ", list_max(" + listExpr() + ")) - 1)";
  }

  /** The data rows side by side with their probabilities, as a FROM item. */
  public String joinedWith(Dataset data) {
    return "(SELECT * FROM " + data.quotedTable() + " POSITIONAL JOIN " + Sql.ident(table) + ")";
  }
}
