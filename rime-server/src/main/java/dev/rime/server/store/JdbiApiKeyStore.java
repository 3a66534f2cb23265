// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.store;

import dev.rime.api.ApiKeyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiApiKeyStore implements ApiKeyStore {

  private static final String COLUMNS =
      "key_id, name, role, prefix, key_hash, created_at_millis, last_used_at_millis,"
          + " revoked_at_millis";

  private final Db db;

  JdbiApiKeyStore(Db db) {
    this.db = db;
  }

  @Override
  public void insert(ApiKeyRecord key) {
    ApiKeyInfo i = key.info();
    db.call(
        h ->
            h.createUpdate(
                    "INSERT INTO api_keys ("
                        + COLUMNS
                        + ") VALUES (:id, :name, :role, :prefix, :hash, :created, NULL, NULL)")
                .bind("id", i.keyId())
                .bind("name", i.name())
                .bind("role", i.role().name())
                .bind("prefix", i.prefix())
                .bind("hash", key.keyHash())
                .bind("created", key.createdAtMillis())
                .execute());
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(String keyHash) {
    return db.call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .bind("hash", keyHash)
                .map(
                    (rs, ctx) ->
                        new ApiKeyRecord(
                            map(rs, ctx),
                            rs.getString("key_hash"),
                            rs.getLong("created_at_millis")))
                .findOne());
  }

  @Override
  public Optional<ApiKeyInfo> get(String keyId) {
    return db.call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_id = :id")
                .bind("id", keyId)
                .map(JdbiApiKeyStore::map)
                .findOne());
  }

  @Override
  public List<ApiKeyInfo> list() {
    return db.call(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at_millis, key_id")
                .map(JdbiApiKeyStore::map)
                .list());
  }

  @Override
  public boolean revoke(String keyId, long atMillis) {
    return db.call(
            h ->
                h.createUpdate(
                        "UPDATE api_keys SET revoked_at_millis = :at"
                            + " WHERE key_id = :id AND revoked_at_millis IS NULL")
                    .bind("at", atMillis)
                    .bind("id", keyId)
                    .execute())
        == 1;
  }

  @Override
  public void touch(String keyId, long atMillis) {
    db.call(
        h ->
            h.createUpdate("UPDATE api_keys SET last_used_at_millis = :at WHERE key_id = :id")
                .bind("at", atMillis)
                .bind("id", keyId)
                .execute());
  }

  @Override
  public int countActive(ApiKeyInfo.Role role) {
    return db.call(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM api_keys WHERE role = :role AND revoked_at_millis IS NULL")
                .bind("role", role.name())
                .mapTo(Integer.class)
                .one());
  }

  private static ApiKeyInfo map(ResultSet rs, StatementContext ctx) throws SQLException {
    Long lastUsed = JdbiJobStore.nullableLong(rs, "last_used_at_millis");
    Long revoked = JdbiJobStore.nullableLong(rs, "revoked_at_millis");
    return new ApiKeyInfo(
        rs.getString("key_id"),
        rs.getString("name"),
        ApiKeyInfo.Role.valueOf(rs.getString("role")),
        rs.getString("prefix"),
        rs.getLong("created_at_millis") / 1000L,
        lastUsed == null ? null : lastUsed / 1000L,
        revoked == null ? null : revoked / 1000L);
  }
}
