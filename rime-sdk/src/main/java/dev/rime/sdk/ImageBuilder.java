// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.Calls;
import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.Operation;
import dev.rime.sdk.Transport.Query;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A handle on a managed image's build (the seed's {@code RIMEImageBuilder}), returned by {@link
 * RimeClient#createManagedImage}. It holds only the image's name; every call asks the server.
 *
 * <pre>{@code
 * ImageBuilder builder = client.createManagedImage("xgboost102",
 *     List.of(RimeClient.pipRequirement("xgboost", "==1.0.2")));
 * ManagedImage image = builder.getStatus(true, true, 5.0);   // STATUS_READY, or why not
 * }</pre>
 */
public final class ImageBuilder {

  /** The seed's default poll rate, in seconds. */
  public static final double DEFAULT_POLL_RATE_SEC = 5.0;

  private static final String WAITING = "a managed image";

  private final RimeClient client;
  private final String name;

  ImageBuilder(RimeClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** The image's name. */
  public String name() {
    return name;
  }

  /** The image now: {@code getStatus(false, false, 5.0)}. */
  public ManagedImage getStatus() {
    return getStatus(false, false, DEFAULT_POLL_RATE_SEC);
  }

  /**
   * The image's status, optionally after waiting for its build to end.
   *
   * <p>With {@code waitUntilFinish}, polls every {@code pollRateSec} seconds until the status is
   * STATUS_READY, STATUS_FAILED or STATUS_OUTDATED (as the seed's builder does). With {@code
   * verbose}, prints {@code Status: STATUS_X} for each status read, while building with the time so
   * far and the build log's last line (what pip is doing), and for a FAILED image its error and the
   * end of its build log. A lost connection while waiting is retried for the client's reconnect
   * timeout.
   *
   * @throws IllegalArgumentException when {@code pollRateSec} is negative or not finite
   * @throws NotFoundException when the image does not exist (or was deleted meanwhile)
   */
  public ManagedImage getStatus(boolean verbose, boolean waitUntilFinish, double pollRateSec) {
    if (!(pollRateSec >= 0) || Double.isInfinite(pollRateSec)) {
      throw new IllegalArgumentException(
          "pollRateSec must be a finite number of seconds >= 0, got " + pollRateSec);
    }
    PrintStream out = client.out();
    long started = System.nanoTime();
    ManagedImage image = waitUntilFinish ? poll() : client.getManagedImage(name);
    while (waitUntilFinish && image.status().isBuilding()) {
      if (verbose) {
        out.println(statusLine(image, started));
        out.flush();
      }
      Polling.pause(pollRateSec, WAITING);
      image = poll();
    }
    if (verbose) {
      out.println(statusLine(image, started));
      if (image.status() == ManagedImageStatus.STATUS_FAILED) {
        out.println("Error: " + image.errorMessage());
        out.println("Build log (last 30 lines):");
        out.print(getLogs(30));
      }
      out.flush();
    }
    return image;
  }

  /** The log of the image's latest build: the commands run and pip's output. */
  @Calls(Operation.GET_MANAGED_IMAGE_LOGS)
  public String getLogs() {
    return logs(null);
  }

  /**
   * The last {@code tailLines} lines of the image's latest build log.
   *
   * @throws IllegalArgumentException when {@code tailLines} is not positive
   */
  public String getLogs(int tailLines) {
    if (tailLines < 1) {
      throw new IllegalArgumentException("tailLines must be positive, got " + tailLines);
    }
    return logs(tailLines);
  }

  private String logs(Integer tailLines) {
    return client
        .transport()
        .text(
            Operation.GET_MANAGED_IMAGE_LOGS,
            List.of(name),
            Query.none().add("tail_lines", tailLines));
  }

  private String statusLine(ManagedImage image, long startedNanos) {
    if (!image.status().isBuilding()) {
      return "Status: " + image.status();
    }
    long secs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    String last;
    try {
      last = getLogs(1).strip();
    } catch (RimeException e) {
      last = "";
    }
    if (last.length() > 100) {
      last = last.substring(0, 97) + "...";
    }
    return String.format(
        Locale.ROOT,
        "Status: %s, %02d:%02d%s",
        image.status(),
        secs / 60,
        secs % 60,
        last.isEmpty() ? "" : " " + last);
  }

  private ManagedImage poll() {
    return Polling.reconnecting(client, () -> client.getManagedImage(name), 1.0, WAITING);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageBuilder b && b.name.equals(name) && b.client == client;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "ImageBuilder[" + name + "]";
  }
}
