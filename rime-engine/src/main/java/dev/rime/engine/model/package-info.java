// SPDX-License-Identifier: Apache-2.0
/**
 * Calling a model: {@link dev.rime.engine.model.ModelAdapter} is the one seam every runtime (a
 * Python file in a child process, an ONNX file, a Java class) implements; tests that call the model
 * hand it SQL over the run's database and get {@link dev.rime.engine.model.Predictions} back.
 */
package dev.rime.engine.model;
