/**
 * The {@code rime} command: one picocli class per subcommand. Commands that talk to a server go
 * through the Java SDK ({@link dev.rime.sdk.RimeClient}); {@code rime run} runs the engine in this
 * process; {@code rime server} and {@code rime demo} start a server.
 */
package dev.rime.cli;
