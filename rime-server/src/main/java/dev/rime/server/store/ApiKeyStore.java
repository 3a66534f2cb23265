// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ApiKeyInfo;
import java.util.List;
import java.util.Optional;

/** API keys, by hash only: the store never sees a key in clear. */
public interface ApiKeyStore {

  void insert(ApiKeyRecord key);

  /** The key whose hash this is, revoked or not. */
  Optional<ApiKeyRecord> findByHash(String keyHash);

  Optional<ApiKeyInfo> get(String keyId);

  /** Every key, oldest first. */
  List<ApiKeyInfo> list();

  /** Marks a key revoked; answers whether it was active. */
  boolean revoke(String keyId, long atMillis);

  /** Records that a key was used. */
  void touch(String keyId, long atMillis);

  /** Keys not revoked with the given role. */
  int countActive(ApiKeyInfo.Role role);
}
