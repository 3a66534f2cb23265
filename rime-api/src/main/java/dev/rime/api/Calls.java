// SPDX-License-Identifier: Apache-2.0
package dev.rime.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a client method as the one that calls an operation, so a test can check every operation of
 * the contract has a client method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Calls {
  Operation value();
}
