// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Opens a fresh database of the class's parameter kind around each test. */
abstract class StoreTestBase {

  @Parameter TestDatabases.Kind kind;
  @TempDir Path tmp;
  Database database;

  @BeforeEach
  void openDatabase() {
    database = TestDatabases.open(kind, tmp);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  Project project(String id) {
    Project p = new Project(id, "project " + id, "", 1, false);
    database.projects().insert(p, 1000);
    return p;
  }

  JobRecord pendingJob(String id, String projectId, long createdAtMillis) {
    JobRecord j =
        JobRecord.pending(
            id,
            projectId,
            "run " + id,
            "{\"run_name\":\"x\"}",
            "/base",
            4000,
            1500,
            null,
            null,
            createdAtMillis);
    database.jobs().insert(j);
    return j;
  }
}
