// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

/** A store refused a row because its key (or another unique value) is taken. */
public final class DuplicateKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether a JDBC failure means a unique constraint was violated, on SQLite or PostgreSQL. */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        if ("23505".equals(sql.getSQLState())) {
          return true; // PostgreSQL unique_violation
        }
        String msg = String.valueOf(sql.getMessage());
        if (msg.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
            || msg.contains("SQLITE_CONSTRAINT_UNIQUE")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
