// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.ApiKeyInfo;
import dev.rime.api.CreateApiKeyRequest;
import dev.rime.api.CreateApiKeyResponse;
import dev.rime.api.ErrorResponse;
import dev.rime.server.store.ApiKeyRecord;
import dev.rime.server.store.ApiKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: made from 32 random bytes, shown in clear once, stored as their SHA-256 (a key has 256
 * bits of entropy, so a plain hash cannot be reversed by guessing). The first start makes an admin
 * key and writes it, once, to a file only its owner can read.
 */
public final class ApiKeyService {

  /** Name of the file in the data directory that holds the first admin key. */
  public static final String ADMIN_KEY_FILE = "admin-api-key";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long TOUCH_EVERY_MILLIS = 60_000;

  private final ApiKeyStore keys;
  private final Clock clock;
  private final Map<String, Long> lastTouch = new ConcurrentHashMap<>();

  public ApiKeyService(ApiKeyStore keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * On a store without any key, makes the first admin key and writes it to {@code dataDir}'s
   * {@value #ADMIN_KEY_FILE} with mode 0600.
   *
   * @return the file written, or empty when keys existed already
   */
  public Optional<Path> bootstrapAdminKey(Path dataDir) throws IOException {
    if (!keys.list().isEmpty()) {
      return Optional.empty();
    }
    CreateApiKeyResponse created =
        create(new CreateApiKeyRequest("admin (first start)", ApiKeyInfo.Role.ADMIN));
    Path file = dataDir.resolve(ADMIN_KEY_FILE);
    Files.createDirectories(dataDir);
    Files.deleteIfExists(file);
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system
    }
    Files.writeString(
        file,
        created.apiKey() + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING);
    return Optional.of(file);
  }

  public CreateApiKeyResponse create(CreateApiKeyRequest request) {
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty()) {
      throw ApiException.invalid("name is required and may not be blank", "name");
    }
    if (name.length() > 200) {
      throw ApiException.invalid("name is longer than 200 characters", "name");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "rime_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long now = clock.millis();
    ApiKeyInfo info =
        new ApiKeyInfo(
            UUID.randomUUID().toString(),
            name,
            request.role() == null ? ApiKeyInfo.Role.USER : request.role(),
            key.substring(0, 12),
            now / 1000,
            null,
            null);
    keys.insert(new ApiKeyRecord(info, hash(key), now));
    return new CreateApiKeyResponse(key, info);
  }

  public List<ApiKeyInfo> list() {
    return keys.list();
  }

  public ApiKeyInfo revoke(String keyId) {
    ApiKeyInfo info =
        keys.get(keyId).orElseThrow(() -> ApiException.notFound("API key", keyId, "key_id"));
    if (info.revokedTimeSecs() != null) {
      return info;
    }
    if (info.role() == ApiKeyInfo.Role.ADMIN && keys.countActive(ApiKeyInfo.Role.ADMIN) <= 1) {
      throw new ApiException(
          ErrorResponse.Code.FAILED_PRECONDITION,
          "this is the last admin key; create another admin key before revoking it",
          "key_id");
    }
    keys.revoke(keyId, clock.millis());
    return keys.get(keyId).orElseThrow();
  }

  /**
   * The key's record if it is a valid, unrevoked key.
   *
   * @throws ApiException UNAUTHENTICATED otherwise, saying why
   */
  public ApiKeyInfo authenticate(String key) {
    if (key == null || key.isBlank()) {
      throw new ApiException(
          ErrorResponse.Code.UNAUTHENTICATED,
          "No API key found in request: send it in the rime-api-key header",
          "rime-api-key");
    }
    ApiKeyInfo info =
        keys.findByHash(hash(key.trim()))
            .map(ApiKeyRecord::info)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorResponse.Code.UNAUTHENTICATED, "Invalid API key", "rime-api-key"));
    if (info.revokedTimeSecs() != null) {
      throw new ApiException(
          ErrorResponse.Code.UNAUTHENTICATED, "This API key was revoked", "rime-api-key");
    }
    long now = clock.millis();
    Long last = lastTouch.get(info.keyId());
    if (last == null || now - last > TOUCH_EVERY_MILLIS) {
      lastTouch.put(info.keyId(), now);
      keys.touch(info.keyId(), now);
    }
    return info;
  }

  static String hash(String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
