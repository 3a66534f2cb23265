// SPDX-License-Identifier: Apache-2.0
package dev.rime.api.result;

/**
 * A column of the data and the type RIME gave it.
 *
 * @param name column name
 * @param type one of {@code numeric, categorical, boolean, text, identifier, email, url, domain,
 *     timestamp}, or the role {@code label} / {@code prediction}
 * @param source {@code config} when the config said so, {@code inferred} otherwise
 * @param reason why the column got this type (e.g. "integer with 3 distinct values &lt; 10")
 */
public record FeatureSummary(String name, String type, String source, String reason) {}
