/**
 * The wire contract between RIME's clients and server, defined once: the operations ({@link
 * dev.rime.api.Operation}, mirrored by {@code openapi.yaml}), the request and response records, and
 * the result schema versions ({@link dev.rime.api.ResultSchemas}).
 *
 * <p>JSON on the wire is snake_case; {@link dev.rime.api.Json} holds the one mapper configuration.
 */
package dev.rime.api;
