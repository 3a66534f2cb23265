// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rime.api.ContinuousTestRun;
import dev.rime.api.CtInstance;
import dev.rime.api.JobStatus;
import dev.rime.api.TimeSeriesResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CT instances and continuous-test jobs in the SDK: the requests sent and the answers read. */
class RimeCtInstanceTest {

  private final FakeRimeServer server = FakeRimeServer.start();
  private final Fixtures.Captured out = new Fixtures.Captured();
  private final RimeClient client = server.client(out.out);

  @AfterEach
  void stop() {
    server.close();
  }

  static String instance(String id, boolean active) {
    return "{\"ct_instance_id\": \""
        + id
        + "\", \"name\": \"daily\", \"bin_size_seconds\": 86400, \"test_run_id\": \"r1\","
        + " \"project_id\": \"p1\", \"is_active\": "
        + active
        + ", \"created_time_secs\": 1764324000}";
  }

  static final String BINS =
      "{\"bins\": [{\"start_time_secs\": 1704067200, \"end_time_secs\": 1704153600, \"rows\": 10,"
          + " \"test_run_id\": \"b1\", \"job_id\": \"j1\", \"created_time_secs\": 5},"
          + " {\"start_time_secs\": 1704153600, \"end_time_secs\": 1704240000, \"rows\": 12,"
          + " \"test_run_id\": \"b2\", \"job_id\": \"j2\", \"created_time_secs\": 6}]}";

  @Test
  void createsAnInstanceWithTheSeedsArguments() {
    server.json("POST", "/v1/ct-instances", 201, instance("c1", false));

    RimeCtInstance c = client.createCtInstance("daily", 86400, "r1", "p1");

    assertThat(c.ctInstanceId()).isEqualTo("c1");
    assertThat(Fixtures.tree(server.onlyRequest().body()))
        .isEqualTo(
            Fixtures.tree(
                "{\"name\": \"daily\", \"bin_size_seconds\": 86400, \"test_run_id\": \"r1\","
                    + " \"project_id\": \"p1\"}"));
  }

  @Test
  void aBadBinSizeIsTheServersInvalidArgumentNamingTheField() {
    server.json(
        "POST",
        "/v1/ct-instances",
        400,
        "{\"code\": \"INVALID_ARGUMENT\", \"message\": \"bin_size_seconds must be 3600 (hourly)"
            + " or 86400 (daily), not 60\", \"field\": \"bin_size_seconds\"}");

    assertThatThrownBy(() -> client.createCtInstance("x", 60, "r1", "p1"))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> assertThat(e.field()).isEqualTo("bin_size_seconds"));
  }

  @Test
  void getsAnInstanceAndTheProjectsActiveOne() {
    server.json("GET", "/v1/ct-instances/c1", 200, instance("c1", false));
    server.json("GET", "/v1/ct-instances/c1", 200, instance("c1", false));
    server.json("GET", "/v1/projects/p1/active-ct-instance", 200, instance("c2", true));
    server.json(
        "GET",
        "/v1/projects/p2/active-ct-instance",
        404,
        "{\"code\": \"NOT_FOUND\", \"message\": \"project 'p2' has no active CT instance\","
            + " \"field\": \"ct_instance_id\"}");

    RimeCtInstance c = client.getCtInstance("c1");
    assertThat(c.info())
        .isEqualTo(new CtInstance("c1", "daily", 86400, "r1", "p1", false, 1764324000L));
    assertThat(client.getActiveCtInstanceForProject("p1").ctInstanceId()).isEqualTo("c2");
    assertThatThrownBy(() -> client.getActiveCtInstanceForProject("p2"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("has no active CT instance");
  }

  @Test
  void activatesAndDeactivates() {
    server.json("POST", "/v1/ct-instances/c1/activate", 200, instance("c1", true));
    server.json("POST", "/v1/ct-instances/c1/deactivate", 200, instance("c1", false));
    RimeCtInstance c = new RimeCtInstance(client, "c1");

    assertThat(c.activateCtInstance().isActive()).isTrue();
    assertThat(c.deactivateCtInstance().isActive()).isFalse();
    assertThat(server.requests()).extracting(FakeRimeServer.Request::method).containsOnly("POST");
  }

  @Test
  void startsAContinuousTestFromAReferenceWithItsOptions() {
    server.json("POST", "/v1/continuous-tests", 201, Fixtures.job("j1").continuous(null).json());

    ContinuousTestJob job =
        client.startContinuousTestFromReference(
            Map.of("run_name", "ct"),
            ContinuousTestOptions.builder()
                .projectId("p1")
                .ctInstanceName("daily")
                .ramRequestMegabytes(2000)
                .cpuRequestMillicores(1000)
                .build());

    assertThat(job.jobId()).isEqualTo("j1");
    assertThat(Fixtures.tree(server.onlyRequest().body()))
        .isEqualTo(
            Fixtures.tree(
                "{\"test_run_config\": {\"run_name\": \"ct\"}, \"project_id\": \"p1\","
                    + " \"ct_instance_name\": \"daily\", \"rime_managed_image\": null,"
                    + " \"custom_image\": null, \"ram_request_megabytes\": 2000,"
                    + " \"cpu_request_millicores\": 1000}"));
  }

  @Test
  void startsAnIncrementalTestKeepingOrOverridingBins() {
    server.json(
        "POST",
        "/v1/ct-instances/c1/continuous-tests",
        201,
        Fixtures.job("j2").continuous("c1").json());
    server.json(
        "POST",
        "/v1/ct-instances/c1/continuous-tests",
        201,
        Fixtures.job("j3").continuous("c1").json());
    RimeCtInstance c = new RimeCtInstance(client, "c1");
    Map<String, Object> config = Map.of("eval_path", "/d/may.csv", "timestamp_col", "ts");

    c.startIncrementalContinuousTest(config);
    c.startIncrementalContinuousTest(
        config, IncrementalTestOptions.builder().overrideExistingBins(true).build());

    List<FakeRimeServer.Request> rs = server.requests();
    assertThat(Fixtures.tree(rs.get(0).body()).get("override_existing_bins").asBoolean()).isFalse();
    assertThat(Fixtures.tree(rs.get(1).body()).get("override_existing_bins").asBoolean()).isTrue();
    assertThat(Fixtures.tree(rs.get(1).body()).get("test_run_config"))
        .isEqualTo(Fixtures.tree("{\"eval_path\": \"/d/may.csv\", \"timestamp_col\": \"ts\"}"));
  }

  @Test
  void listsBinsAndReadsTimeSeries() {
    server.json("GET", "/v1/ct-instances/c1/bins", 200, BINS);
    server.json(
        "GET",
        "/v1/ct-instances/c1/time-series",
        200,
        "{\"metric\": \"feature_drift_psi\", \"feature\": \"age\", \"points\": ["
            + "{\"start_time_secs\": 1704067200, \"end_time_secs\": 1704153600, \"value\": 0.5},"
            + "{\"start_time_secs\": 1704153600, \"end_time_secs\": 1704240000, \"value\": null}]}");
    RimeCtInstance c = new RimeCtInstance(client, "c1");

    List<ContinuousTestBin> bins = c.listBins();
    TimeSeriesResponse series = c.getTimeSeries("feature_drift_psi", "age");

    assertThat(bins).extracting(ContinuousTestBin::testRunId).containsExactly("b1", "b2");
    assertThat(bins.get(0).startTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(bins.get(0).endTime()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
    assertThat(series.points())
        .extracting(TimeSeriesResponse.Point::value)
        .containsExactly(0.5, null);
    FakeRimeServer.Request r = server.requests().get(1);
    assertThat(r.query("metric")).containsExactly("feature_drift_psi");
    assertThat(r.query("feature")).containsExactly("age");
  }

  @Test
  void aBinsTestCasesAreReadLikeAStressTests() {
    server.json("GET", "/v1/ct-instances/c1/bins", 200, BINS);
    server.json(
        "GET",
        "/v1/test-runs/b2/test-cases",
        200,
        "{\"schema_version\": \"1.0.0\", \"test_cases\": [{\"test_id\": \"null_check\"}],"
            + " \"next_page_token\": \"\"}");

    TestCasesResult cases = new RimeCtInstance(client, "c1").listBins().get(1).getTestCasesResult();

    assertThat(cases.size()).isEqualTo(1);
    assertThat(server.requests().get(1).path()).isEqualTo("/v1/test-runs/b2/test-cases");
  }

  @Test
  void aContinuousJobNamesItsInstanceAndTheBinsItTested() {
    server.json(
        "GET", "/v1/jobs/j2", 200, Fixtures.job("j2").status("SUCCEEDED").continuous("c1").json());
    server.json(
        "GET", "/v1/jobs/j2", 200, Fixtures.job("j2").status("SUCCEEDED").continuous("c1").json());
    server.json("GET", "/v1/ct-instances/c1/bins", 200, BINS);
    server.json(
        "GET", "/v1/jobs/j9", 200, Fixtures.job("j9").status("RUNNING").continuous(null).json());
    ContinuousTestJob job = new ContinuousTestJob(client, "j2");

    assertThat(job.getCtInstance().ctInstanceId()).isEqualTo("c1");
    assertThat(job.getBins()).extracting(ContinuousTestBin::testRunId).containsExactly("b2");
    assertThatThrownBy(() -> new ContinuousTestJob(client, "j9").getCtInstance())
        .isInstanceOfSatisfying(
            JobNotSucceededException.class,
            e -> assertThat(e.getMessage()).contains(JobStatus.RUNNING.name()));
  }

  @Test
  void aContinuousJobSaysWhatItDidWithItsData() {
    server.json(
        "GET",
        "/v1/jobs/j2/continuous-test-run",
        200,
        "{\"job_id\": \"j2\", \"ct_instance_id\": \"c1\", \"mode\": \"incremental\","
            + " \"timestamp_col\": \"ts\", \"rows\": 90, \"unparseable_timestamps\": 1,"
            + " \"unparseable_examples\": [null], \"tested_bins\": [1704240000],"
            + " \"skipped_bins\": [1704153600]}");

    ContinuousTestRun run = new ContinuousTestJob(client, "j2").getRunInfo();

    assertThat(run.unparseableTimestamps()).isEqualTo(1);
    assertThat(run.unparseableExamples()).containsExactly((String) null);
    assertThat(run.testedBins()).containsExactly(1704240000L);
    assertThat(run.skippedBins()).containsExactly(1704153600L);
  }

  @Test
  void continuousOptionsRefuseTwoImages() {
    assertThatThrownBy(
            () ->
                ContinuousTestOptions.builder()
                    .rimeManagedImage("img")
                    .customImage(new dev.rime.api.CustomImage("x", null))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot specify both custom_image and rime_managed_image");
    assertThat(IncrementalTestOptions.defaults().overrideExistingBins()).isFalse();
    assertThatThrownBy(() -> IncrementalTestOptions.builder().ramRequestMegabytes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
