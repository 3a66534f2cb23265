// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class ProjectStoreTest {

  @Parameter TestDatabases.Kind kind;
  @TempDir Path tmp;
  Database database;
  ProjectStore store;

  @BeforeEach
  void open() {
    database = TestDatabases.open(kind, tmp);
    store = database.projects();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void storesAndReadsBack() {
    Project p = new Project("p1", "fraud", "card fraud models", 1_700_000_000L, false);
    store.insert(p, p.createdTimeSecs() * 1000);
    assertThat(store.get("p1")).contains(p);
    assertThat(store.get("nope")).isEmpty();
  }

  @Test
  void listsOldestFirst() {
    store.insert(new Project("b", "second", "", 20, false), 20000L);
    store.insert(new Project("a", "first", "", 10, false), 10000L);
    assertThat(store.list()).extracting(Project::projectId).containsExactly("a", "b");
  }

  @Test
  void duplicateIdIsRefused() {
    store.insert(new Project("p1", "x", "", 1, false), 1000L);
    assertThatThrownBy(() -> store.insert(new Project("p1", "y", "", 2, false), 2000L))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.get("p1").orElseThrow().name()).isEqualTo("x");
  }

  @Test
  void findsTheDefaultProject() {
    assertThat(store.getDefault()).isEmpty();
    store.insert(new Project("x", "x", "", 1, false), 1000L);
    store.insert(new Project("default", "Default", "d", 2, true), 2000L);
    assertThat(store.getDefault().orElseThrow().projectId()).isEqualTo("default");
  }

  @Test
  void keepsUnicodeText() {
    Project p = new Project("u", "Prüfung ✓ 模型", "émoji 🚀", 5, false);
    store.insert(p, p.createdTimeSecs() * 1000);
    assertThat(store.get("u")).contains(p);
  }
}
