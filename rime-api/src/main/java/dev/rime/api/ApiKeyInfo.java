// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/**
 * What the server keeps of an API key: never the key itself, only its hash and its first characters
 * ({@code prefix}) so people can tell keys apart.
 */
public record ApiKeyInfo(
    String keyId,
    String name,
    Role role,
    String prefix,
    long createdTimeSecs,
    Long lastUsedTimeSecs,
    Long revokedTimeSecs) {

  /** ADMIN keys may also manage keys; USER keys may do everything else. */
  public enum Role {
    ADMIN,
    USER
  }
}
