// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import dev.rime.api.result.DatasetSummary;
import java.nio.file.Path;
import java.util.Map;

/**
 * One input file loaded into a DuckDB table.
 *
 * @param key the config key that named the file ({@code data_info.ref_path} or {@code eval_path})
 * @param file the resolved file
 * @param table the table name (unquoted)
 * @param columns column name to DuckDB type, in file order
 * @param summary path, rows, columns, size and SHA-256
 */
public record Dataset(
    String key, Path file, String table, Map<String, String> columns, DatasetSummary summary) {

  /** The quoted table name. */
  public String quotedTable() {
    return Sql.ident(table);
  }

  /** Number of rows loaded. */
  public long rows() {
    return summary.rows();
  }
}
