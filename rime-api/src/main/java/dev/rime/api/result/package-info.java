/**
 * Results of a test run in their canonical form (result schema {@value
 * dev.rime.api.ResultSchemas#LATEST}): what the engine produces, what the server stores, and what
 * {@link dev.rime.api.ResultSchemas} projects into each shipped schema version.
 */
package dev.rime.api.result;
