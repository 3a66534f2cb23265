// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that talk to a server, against a real one. */
class ClientCommandsTest {

  @TempDir static Path tmp;
  static RimeServer server;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    server = RimeServer.start(ServerConfig.defaults(tmp.resolve("data")).withPort(0));
    key = Files.readString(server.adminKeyFile()).trim();
  }

  @AfterAll
  static void stop() {
    server.scheduler().stopRunningJobs();
    server.close();
  }

  static Cli.Result rime(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server";
    all[args.length + 1] = server.url();
    all[args.length + 2] = "--api-key";
    all[args.length + 3] = key;
    return Cli.run(all);
  }

  @Test
  void projectsStressTestsJobsAndResults() throws Exception {
    Cli.Result created = rime("project", "create", "--name", "cli project", "--description", "d");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String projectId = created.out().trim();
    assertThat(rime("project", "list").out()).contains(projectId).contains("Default (default)");

    GeneratedData data = GeneratedData.write(Files.createDirectories(tmp.resolve("gen")), 3L, 400);
    Path config = tmp.resolve("config.json");
    // relative data paths are resolved against the config's folder by the client
    Files.writeString(
        config,
        data.config("cli run")
            .replace(data.ref.toAbsolutePath().toString(), "gen/ref.csv")
            .replace(data.eval.toAbsolutePath().toString(), "gen/eval.csv"));
    Cli.Result started =
        rime(
            "stress-test",
            config.toString(),
            "--project",
            projectId,
            "--wait",
            "--ram-megabytes",
            "1000",
            "--cpu-millicores",
            "1000");
    assertThat(started.exitCode()).as(started.out() + started.err()).isZero();
    String jobId = started.out().lines().findFirst().orElseThrow().trim();
    assertThat(started.out()).contains("ended SUCCEEDED");

    Cli.Result jobs = rime("jobs", "--status", "succeeded", "--project", projectId);
    assertThat(jobs.out()).contains(jobId).contains("SUCCEEDED").contains("cli run");

    Cli.Result csv = rime("results", jobId, "--format", "csv");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    String header = csv.out().lines().findFirst().orElseThrow();
    assertThat(header).startsWith("test_run_id,test_id,");
    // rime run writes the same table for the same data: same columns, same rows but the run id
    Path out = tmp.resolve("run-out");
    assertThat(Cli.run("run", config.toString(), "--out", out.toString()).exitCode()).isZero();
    List<String> local = Files.readAllLines(out.resolve("test_cases.csv"));
    List<String> remote = csv.out().lines().toList();
    assertThat(local.get(0)).isEqualTo(header);
    assertThat(local).hasSameSizeAs(remote);
    Cli.Result summary = rime("results", jobId, "--summary");
    assertThat(summary.out()).contains("Run 'cli run'").contains("AUC");
    Cli.Result old = rime("results", jobId, "--format", "json", "--version", "0.14.0");
    assertThat(old.out()).contains("\"test_batch_type\"").doesNotContain("\"metrics\"");
    Cli.Result unknown = rime("results", jobId, "--version", "0.9.0");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("0.9.0");
    Cli.Result notSemver = rime("results", jobId, "--version", "2");
    assertThat(notSemver.exitCode()).isEqualTo(2);
    assertThat(notSemver.err()).contains("Invalid version string").doesNotContain("at dev.rime");
  }

  @Test
  void apiKeysCanBeCreatedListedAndRevoked() {
    Cli.Result created = rime("api-key", "create", "ci");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String newKey = created.out().trim();
    assertThat(newKey).startsWith("rime_");
    String keyId = created.err().replaceAll("(?s).*key id (\\S+) .*", "$1").trim();
    assertThat(rime("api-key", "list").out()).contains(keyId).contains("active");
    assertThat(Cli.run("project", "list", "--server", server.url(), "--api-key", newKey).exitCode())
        .isZero();
    assertThat(rime("api-key", "revoke", keyId).exitCode()).isZero();
    Cli.Result refused = Cli.run("project", "list", "--server", server.url(), "--api-key", newKey);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("revoked");
  }

  @Test
  void badArgumentsAreOneClearLineWithExitCodeTwo() throws Exception {
    Path notObject = tmp.resolve("array.json");
    Files.writeString(notObject, "[1, 2]");
    Cli.Result r = rime("stress-test", notObject.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("array.json").doesNotContain("at dev.rime");

    Path config = tmp.resolve("c.json");
    Files.writeString(config, "{\"run_name\": \"x\"}");
    Cli.Result zero = rime("stress-test", config.toString(), "--ram-megabytes", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("ram").doesNotContain("at dev.rime");

    Cli.Result down = Cli.run("jobs", "--server", "http://127.0.0.1:1", "--api-key", "k");
    assertThat(down.exitCode()).isEqualTo(2);
    assertThat(down.out()).as("no table header before the error").isEmpty();
  }

  @Test
  void anUnknownJobIsOneClearLine() {
    Cli.Result r = rime("results", "no-such-job");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-job").doesNotContain("at dev.rime");
  }
}
