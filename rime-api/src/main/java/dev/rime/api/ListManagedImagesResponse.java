// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.util.List;

/**
 * One page of {@code listManagedImages}, by name. {@code nextPageToken} is empty on the last page;
 * it carries the filters of the first call.
 */
public record ListManagedImagesResponse(List<ManagedImage> images, String nextPageToken) {}
