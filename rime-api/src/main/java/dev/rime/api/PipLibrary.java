// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

/** A library installed in a managed image, as {@code pip list} reports it. */
public record PipLibrary(String name, String version) {}
