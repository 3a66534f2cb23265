// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/** Answer of {@code listCtBins}: every tested bin of a CT instance, oldest first. */
public record ListCtBinsResponse(List<CtBin> bins) {}
