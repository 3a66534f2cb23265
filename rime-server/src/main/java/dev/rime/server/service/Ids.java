// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Job ids that sort in the order jobs were submitted (UUID version 7: 48 bits of milliseconds, then
 * a counter within the millisecond, then random bits), so two jobs queued in the same millisecond
 * still run first come, first served.
 */
final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis = -1;
  private static int counter;

  private Ids() {}

  static synchronized String timeOrdered() {
    long now = System.currentTimeMillis();
    if (now <= lastMillis) {
      now = lastMillis; // the clock stepped back or did not move: keep the order
      counter++;
    } else {
      lastMillis = now;
      counter = 0;
    }
    if (counter > 0xFFF) { // 4096 ids in one millisecond: borrow the next one
      lastMillis = ++now;
      counter = 0;
    }
    long high = (now << 16) | 0x7000L | counter; // version 7, 12-bit counter
    long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant
    return new UUID(high, low).toString();
  }
}
