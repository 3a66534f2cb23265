// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.ManagedImage;
import java.util.List;

/**
 * One page of {@link RimeClient#listManagedImages}, by image name (the seed's {@code (images,
 * next_page_token)} tuple).
 *
 * @param images the images of this page
 * @param nextPageToken the token of the next page; empty on the last page
 */
public record ManagedImagePage(List<ManagedImage> images, String nextPageToken) {

  /** Copies {@code images}; a null token becomes empty. */
  public ManagedImagePage {
    images = images == null ? List.of() : List.copyOf(images);
    nextPageToken = nextPageToken == null ? "" : nextPageToken;
  }

  /** Whether there is a page after this one. */
  public boolean hasNextPage() {
    return !nextPageToken.isEmpty();
  }
}
