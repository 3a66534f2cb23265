// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import dev.rime.api.JobStatus;
import dev.rime.sdk.JobStatusInfo;
import dev.rime.sdk.RimeClient;
import dev.rime.sdk.RimeProject;
import dev.rime.sdk.StressTestJob;
import dev.rime.sdk.StressTestOptions;
import dev.rime.server.RimeServer;
import dev.rime.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rime demo}: a whole stress test end to end on this machine. Starts a server on a free port
 * with a throw-away data directory, runs the Titanic example (by default with its ONNX model,
 * {@code --model}) through the Java SDK as any client would, shows the job's progress, the run
 * summary and the failing test cases, and stops.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the Titanic example end to end: local server, Java SDK, job, results.")
final class DemoCommand implements Callable<Integer> {

  /**
   * The Titanic example's configs of this checkout, by the model the demo runs: {@code python} the
   * Python model ({@code examples/titanic/model/model.py}) run by RIME's Python runner, {@code
   * onnx} the ONNX model ({@code examples/titanic/onnx/titanic.onnx}) scored by RIME in the JVM,
   * {@code predictions} no model, the predictions given in the data ({@code pred_col}).
   */
  static final Map<String, String> MODELS = new java.util.LinkedHashMap<>();

  static {
    MODELS.put("python", "examples/titanic/config-python.json");
    MODELS.put("onnx", "examples/titanic/config-onnx.json");
    MODELS.put("predictions", "examples/titanic/config.json");
  }

  @Option(
      names = "--config",
      description = "Config to run (default: the Titanic example's config for --model).")
  Path config;

  @Option(
      names = "--model",
      description =
          "Which Titanic model to run when no --config is given: python (the Python model), onnx"
              + " (the ONNX model) or predictions (the predictions in the data). Default:"
              + " ${DEFAULT-VALUE}.",
      defaultValue = "python")
  String model = "python";

  @Option(
      names = "--keep-data",
      description =
          "Keep the demo's data directory (store, job folder, logs) instead of deleting it.")
  boolean keepData;

  @Override
  public Integer call() throws IOException {
    Path cfg = config != null ? config : defaultConfig(model);
    if (!Files.isRegularFile(cfg)) {
      throw new Errors.UserError(
          "demo config not found: " + cfg + " (run from the repository root, or pass --config)");
    }
    Path dataDir = Files.createTempDirectory("rime-demo-");
    System.out.println("Starting a RIME server (data in " + dataDir + ")...");
    RimeServer server = RimeServer.start(ServerConfig.defaults(dataDir).withPort(0));
    try {
      String key = Files.readString(server.adminKeyFile()).trim();
      RimeClient client = RimeClient.builder().address(server.url()).apiKey(key).build();
      System.out.println("Server up at " + server.url() + "; talking to it through the Java SDK.");

      RimeProject project =
          client.createProject("Titanic demo", "Stress test of a Titanic survival model");
      Map<String, Object> testRunConfig = RimeClient.loadConfig(cfg);
      StressTestJob job =
          client.startStressTest(
              testRunConfig, StressTestOptions.builder().projectId(project.projectId()).build());
      System.out.println("Started job " + job.jobId() + " in project '" + project.name() + "'.");
      JobStatusInfo status = job.getStatus(true, true, 1.0);
      System.out.println();
      if (status.status() != JobStatus.SUCCEEDED) {
        System.out.println("The job ended " + status.status() + ": " + job.job().errorMessage());
        return 1;
      }
      Report.summary(System.out, job.getTestRunResult().summary());
      System.out.println();
      var cases = job.getTestCasesResult().testCases();
      Report.byCategory(System.out, cases);
      Report.failingCases(System.out, cases);
      return 0;
    } finally {
      server.close();
      if (keepData) {
        System.out.println("Demo data kept in " + dataDir);
      } else {
        deleteTree(dataDir);
      }
    }
  }

  private static Path defaultConfig(String model) {
    String config = MODELS.get(model);
    if (config == null) {
      throw new Errors.UserError(
          "--model: unknown model '" + model + "'; one of " + String.join(", ", MODELS.keySet()));
    }
    String home = System.getProperty("rime.home");
    Path root = home != null ? Path.of(home) : Path.of("");
    return root.resolve(config).toAbsolutePath();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
