/**
 * The test-run config: static parsing and validation ({@link
 * dev.rime.engine.config.TestRunConfig#parse}) with errors naming the dotted key, and test
 * selection and parameters ({@link dev.rime.engine.config.TestsConfig}).
 */
package dev.rime.engine.config;
