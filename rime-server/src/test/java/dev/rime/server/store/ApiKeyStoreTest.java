// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.api.ApiKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class ApiKeyStoreTest extends StoreTestBase {

  ApiKeyInfo info(String id, ApiKeyInfo.Role role) {
    return new ApiKeyInfo(id, "key " + id, role, "rime_" + id, 100, null, null);
  }

  @Test
  void findsByHashOnly() {
    ApiKeyStore keys = database.apiKeys();
    keys.insert(new ApiKeyRecord(info("k1", ApiKeyInfo.Role.ADMIN), "hash-1", 100_000));
    assertThat(keys.findByHash("hash-1").orElseThrow().info().keyId()).isEqualTo("k1");
    assertThat(keys.findByHash("hash-2")).isEmpty();
  }

  @Test
  void revokesOnceAndCountsActiveKeysByRole() {
    ApiKeyStore keys = database.apiKeys();
    keys.insert(new ApiKeyRecord(info("a", ApiKeyInfo.Role.ADMIN), "h1", 100_000));
    keys.insert(new ApiKeyRecord(info("b", ApiKeyInfo.Role.ADMIN), "h2", 100_000));
    keys.insert(new ApiKeyRecord(info("c", ApiKeyInfo.Role.USER), "h3", 100_000));
    assertThat(keys.countActive(ApiKeyInfo.Role.ADMIN)).isEqualTo(2);
    assertThat(keys.revoke("a", 5_000)).isTrue();
    assertThat(keys.revoke("a", 6_000)).isFalse();
    assertThat(keys.countActive(ApiKeyInfo.Role.ADMIN)).isEqualTo(1);
    assertThat(keys.get("a").orElseThrow().revokedTimeSecs()).isEqualTo(5L);
    assertThat(keys.list()).extracting(ApiKeyInfo::keyId).containsExactly("a", "b", "c");
  }

  @Test
  void recordsLastUse() {
    ApiKeyStore keys = database.apiKeys();
    keys.insert(new ApiKeyRecord(info("a", ApiKeyInfo.Role.USER), "h1", 100_000));
    keys.touch("a", 42_000);
    assertThat(keys.get("a").orElseThrow().lastUsedTimeSecs()).isEqualTo(42L);
  }
}
