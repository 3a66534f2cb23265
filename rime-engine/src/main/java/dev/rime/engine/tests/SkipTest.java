// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.tests;

/**
 * Thrown by a guard (or a test) when the test does not apply; the engine reports a SKIP case with
 * the message as the reason.
 */
public class SkipTest extends RuntimeException {

  public SkipTest(String reason) {
    super(reason, null, false, false);
  }
}
