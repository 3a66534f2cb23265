/**
 * Data in DuckDB: loading files into tables, checking label and prediction columns, typing columns
 * ({@link dev.rime.engine.data.TypeInference}) and the SQL expressions tests read columns with.
 */
package dev.rime.engine.data;
