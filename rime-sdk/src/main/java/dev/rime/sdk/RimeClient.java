// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import dev.rime.api.ApiKeyInfo;
import dev.rime.api.Calls;
import dev.rime.api.CreateApiKeyRequest;
import dev.rime.api.CreateApiKeyResponse;
import dev.rime.api.CreateCtInstanceRequest;
import dev.rime.api.CreateManagedImageRequest;
import dev.rime.api.CreateProjectRequest;
import dev.rime.api.CtInstance;
import dev.rime.api.HealthResponse;
import dev.rime.api.Job;
import dev.rime.api.JobStatus;
import dev.rime.api.ListApiKeysResponse;
import dev.rime.api.ListJobsResponse;
import dev.rime.api.ListManagedImagesResponse;
import dev.rime.api.ListProjectsResponse;
import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.Operation;
import dev.rime.api.PipLibraryFilter;
import dev.rime.api.PipRequirement;
import dev.rime.api.Project;
import dev.rime.api.StartContinuousTestRequest;
import dev.rime.api.StartStressTestRequest;
import dev.rime.sdk.Transport.Query;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point to a RIME server: projects, stress tests, jobs and API keys (the seed's {@code
 * RIMEClient}). Every call is one HTTP request to the server's REST contract ({@link Operation});
 * every failure is one {@link RimeException} subclass.
 *
 * <pre>{@code
 * RimeClient client = RimeClient.connect("http://localhost:8080", apiKey);
 * RimeProject project = client.createProject("fraud", "card fraud model");
 * StressTestJob job = client.startStressTest(
 *     RimeClient.loadConfig(Path.of("stress_test_config.json")),
 *     StressTestOptions.builder().projectId(project.projectId()).build());
 * job.getStatus(true, true, 5.0);
 * TestCasesResult cases = job.getTestCasesResult("1.0.0");
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RimeClient {

  /** How long to wait for a connection unless told otherwise (the seed's channel timeout). */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long to wait for an answer unless told otherwise. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** How long a job wait keeps reconnecting before it gives up, unless told otherwise. */
  public static final Duration DEFAULT_RECONNECT_TIMEOUT = Duration.ofMinutes(1);

  static final int PAGE_SIZE = 100;

  private final Transport transport;
  private final PrintStream out;
  private final Duration reconnectTimeout;

  private RimeClient(Builder b) {
    this.transport = new Transport(b.baseUri, b.apiKey, b.connectTimeout, b.requestTimeout);
    this.out = b.out;
    this.reconnectTimeout = b.reconnectTimeout;
  }

  /** A builder; {@link Builder#address(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client with default timeouts that prints to {@code System.out}.
   *
   * @param address a domain ({@code my_vpc.rime.com}, meaning https), {@code localhost[:port]}
   *     (meaning http) or a URL ({@code http://localhost:8080})
   * @param apiKey the API key, sent as header {@value Operation#API_KEY_HEADER}
   */
  public static RimeClient connect(String address, String apiKey) {
    return builder().address(address).apiKey(apiKey).build();
  }

  /** The server's base URI, as resolved from the address. */
  public URI baseUri() {
    return transport.baseUri();
  }

  /** Whether the server is up, and its version. Needs no API key. */
  @Calls(Operation.HEALTH)
  public HealthResponse health() {
    return transport.json(Operation.HEALTH, List.of(), Query.none(), null, HealthResponse.class);
  }

  /**
   * Creates a project to file stress-test runs under.
   *
   * @param name the project's name
   * @param description a short blurb about the project (may be null)
   */
  @Calls(Operation.CREATE_PROJECT)
  public RimeProject createProject(String name, String description) {
    Objects.requireNonNull(name, "name");
    Project p =
        transport.json(
            Operation.CREATE_PROJECT,
            List.of(),
            Query.none(),
            new CreateProjectRequest(name, description),
            Project.class);
    return RimeProject.of(p);
  }

  /**
   * The project with this id.
   *
   * @throws NotFoundException when there is none
   */
  @Calls(Operation.GET_PROJECT)
  public RimeProject getProject(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    return RimeProject.of(
        transport.json(
            Operation.GET_PROJECT, List.of(projectId), Query.none(), null, Project.class));
  }

  /** Every project, oldest first; the default project is among them. */
  @Calls(Operation.LIST_PROJECTS)
  public List<RimeProject> listProjects() {
    ListProjectsResponse r =
        transport.json(
            Operation.LIST_PROJECTS, List.of(), Query.none(), null, ListProjectsResponse.class);
    List<RimeProject> projects = new ArrayList<>();
    for (Project p : r.projects() == null ? List.<Project>of() : r.projects()) {
      projects.add(RimeProject.of(p));
    }
    return List.copyOf(projects);
  }

  /**
   * Starts a stress test with the server's defaults (default project, default image and resources).
   * Same as {@code startStressTest(testRunConfig, StressTestOptions.defaults())}.
   */
  public StressTestJob startStressTest(Map<String, Object> testRunConfig) {
    return startStressTest(testRunConfig, StressTestOptions.defaults());
  }

  /**
   * Starts a stress test. The server checks the config and queues the job; it waits as PENDING
   * until its CPU and RAM requests fit.
   *
   * @param testRunConfig the config ({@code run_name}, {@code data_info}, {@code model_info}, ...),
   *     e.g. from {@link #loadConfig(Path)}
   * @param options project, image and resources
   * @return a handle on the queued job
   * @throws InvalidConfigException when the server rejects the config; {@link
   *     InvalidConfigException#key()} names the key at fault
   * @throws NotFoundException when the project does not exist
   */
  @Calls(Operation.START_STRESS_TEST)
  public StressTestJob startStressTest(
      Map<String, Object> testRunConfig, StressTestOptions options) {
    Objects.requireNonNull(testRunConfig, "testRunConfig");
    Objects.requireNonNull(options, "options");
    StartStressTestRequest request =
        new StartStressTestRequest(
            testRunConfig,
            options.projectId(),
            options.rimeManagedImage(),
            options.customImage(),
            options.ramRequestMegabytes(),
            options.cpuRequestMillicores());
    Job job =
        transport.json(Operation.START_STRESS_TEST, List.of(), Query.none(), request, Job.class);
    return new StressTestJob(this, job.jobId());
  }

  /**
   * Reads a stress-test config from a JSON file and makes its relative file paths absolute against
   * the file's folder, so a server on this machine finds them wherever it runs: every {@code
   * *_path} key of {@code data_info} ({@code ref_path}, {@code eval_path}, ...), {@code
   * model_info.path} and {@code tests_config_path}. URLs ({@code s3://...}, {@code file://...}) and
   * absolute paths are kept as they are.
   *
   * @return the config, a mutable map
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file is not a JSON object
   */
  public static Map<String, Object> loadConfig(Path jsonFile) throws IOException {
    return ConfigFiles.load(jsonFile);
  }

  /**
   * A handle on an existing job.
   *
   * @throws NotFoundException when there is no such job
   */
  @Calls(Operation.GET_JOB)
  public StressTestJob getJob(String jobId) {
    return new StressTestJob(this, fetchJob(jobId).jobId());
  }

  /**
   * Every job with one of the given statuses in the given project, all pages (the seed's {@code
   * list_stress_test_jobs}). Newest first.
   *
   * @param statusFilters statuses to keep, as {@link JobStatus} values or their names ({@code
   *     "RUNNING"}, case-insensitive); null or empty keeps all
   * @param projectId the project to keep; null keeps all
   * @throws IllegalArgumentException when a status is not one of {@link JobStatus}'s names; the
   *     message lists the accepted ones
   */
  public List<StressTestJob> listStressTestJobs(Collection<?> statusFilters, String projectId) {
    Set<JobStatus> statuses = new LinkedHashSet<>();
    if (statusFilters != null) {
      for (Object s : statusFilters) {
        if (s instanceof JobStatus) {
          statuses.add((JobStatus) s);
        } else if (s instanceof String) {
          statuses.add(JobStatus.parse((String) s));
        } else {
          throw new IllegalArgumentException(
              "status filter "
                  + s
                  + " is neither a JobStatus nor a status name; expected one of "
                  + java.util.Arrays.toString(JobStatus.values()));
        }
      }
    }
    ListJobsOptions options =
        ListJobsOptions.builder()
            .statuses(statuses)
            .projectId(projectId)
            .pageSize(PAGE_SIZE)
            .build();
    List<StressTestJob> jobs = new ArrayList<>();
    Set<String> seenTokens = new HashSet<>();
    JobPage page = listJobs(options);
    while (true) {
      for (Job j : page.jobs()) {
        jobs.add(new StressTestJob(this, j.jobId()));
      }
      if (!page.hasNextPage()) {
        return List.copyOf(jobs);
      }
      if (!seenTokens.add(page.nextPageToken())) {
        throw new RimeException(
            "The server repeated page token " + page.nextPageToken() + " of listJobs",
            null,
            null,
            200,
            null);
      }
      page = listJobs(options.toBuilder().pageToken(page.nextPageToken()).build());
    }
  }

  /** One page of jobs, newest first, with every field of each job. */
  @Calls(Operation.LIST_JOBS)
  public JobPage listJobs(ListJobsOptions options) {
    Objects.requireNonNull(options, "options");
    Query q = Query.none();
    for (JobStatus s : options.statuses()) {
      q.add("status", s.name());
    }
    q.add("project_id", options.projectId());
    if (options.createdAfter() != null) {
      q.add("created_after_secs", options.createdAfter().getEpochSecond());
    }
    q.add("page_size", options.pageSize());
    q.add("page_token", options.pageToken());
    ListJobsResponse r =
        transport.json(Operation.LIST_JOBS, List.of(), q, null, ListJobsResponse.class);
    return new JobPage(r.jobs(), r.nextPageToken());
  }

  /**
   * A pip requirement for {@link #createManagedImage} (the seed's {@code pip_requirement}).
   *
   * @param name the library, e.g. {@code "xgboost"}
   * @param versionSpecifier a PEP 440 specifier such as {@code "==1.0.2"} or {@code ">=0.1.2"};
   *     null for any version
   * @throws IllegalArgumentException when the name or the specifier is not valid
   */
  public static PipRequirement pipRequirement(String name, String versionSpecifier) {
    PipRequirement r = new PipRequirement(name, versionSpecifier);
    r.problem()
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    return r;
  }

  /** A pip requirement for any version of {@code name}. */
  public static PipRequirement pipRequirement(String name) {
    return pipRequirement(name, null);
  }

  /**
   * A filter for {@link #listManagedImages} (the seed's {@code pip_library_filter}): images with
   * {@code name} installed, at exactly {@code fixedVersion} when it is not null.
   *
   * @throws IllegalArgumentException when the name is blank
   */
  public static PipLibraryFilter pipLibraryFilter(String name, String fixedVersion) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a pip library filter needs a library name");
    }
    return new PipLibraryFilter(
        name.trim(), fixedVersion == null || fixedVersion.isBlank() ? null : fixedVersion.trim());
  }

  /** A filter for images with {@code name} installed, at any version. */
  public static PipLibraryFilter pipLibraryFilter(String name) {
    return pipLibraryFilter(name, null);
  }

  /**
   * Creates a managed image with the server's default Python: {@code createManagedImage(name,
   * requirements, null)}.
   */
  public ImageBuilder createManagedImage(String name, List<PipRequirement> requirements) {
    return createManagedImage(name, requirements, null);
  }

  /**
   * Creates a managed image and starts building it: an environment with the requirements and RIME's
   * model runner, usable by stress tests ({@link StressTestOptions.Builder#rimeManagedImage}) once
   * its status is {@code STATUS_READY}.
   *
   * @param name the image's unique name ({@code ^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$})
   * @param requirements pip requirements, from {@link #pipRequirement}
   * @param pythonVersion the Python version X.Y, or null for the server's default
   * @return a handle to follow the build with
   * @throws InvalidArgumentException when the name or a requirement is not valid ({@code field()}
   *     names it)
   * @throws AlreadyExistsException when an image of that name exists
   * @throws FailedPreconditionException when the server has no python of that version
   */
  @Calls(Operation.CREATE_MANAGED_IMAGE)
  public ImageBuilder createManagedImage(
      String name, List<PipRequirement> requirements, String pythonVersion) {
    Objects.requireNonNull(name, "name");
    ManagedImage image =
        transport.json(
            Operation.CREATE_MANAGED_IMAGE,
            List.of(),
            Query.none(),
            new CreateManagedImageRequest(
                name, requirements == null ? List.of() : List.copyOf(requirements), pythonVersion),
            ManagedImage.class);
    return new ImageBuilder(this, image.name());
  }

  /**
   * The managed image of that name.
   *
   * @throws NotFoundException when there is none
   */
  @Calls(Operation.GET_MANAGED_IMAGE)
  public ManagedImage getManagedImage(String name) {
    Objects.requireNonNull(name, "name");
    return transport.json(
        Operation.GET_MANAGED_IMAGE, List.of(name), Query.none(), null, ManagedImage.class);
  }

  /** A handle on an existing image's build (to wait for it or read its log). */
  public ImageBuilder getImageBuilder(String name) {
    return new ImageBuilder(this, getManagedImage(name).name());
  }

  /**
   * Whether a managed image of that name exists; with {@code checkStatus}, whether it also is
   * {@code STATUS_READY}.
   */
  public boolean hasManagedImage(String name, boolean checkStatus) {
    try {
      ManagedImage image = getManagedImage(name);
      return !checkStatus || image.status() == ManagedImageStatus.STATUS_READY;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Deletes a managed image, stopping its build if one runs.
   *
   * @return the image as it was
   * @throws NotFoundException when there is none
   * @throws FailedPreconditionException while a pending or running job names it
   */
  @Calls(Operation.DELETE_MANAGED_IMAGE)
  public ManagedImage deleteManagedImage(String name) {
    Objects.requireNonNull(name, "name");
    return transport.json(
        Operation.DELETE_MANAGED_IMAGE, List.of(name), Query.none(), null, ManagedImage.class);
  }

  /**
   * One page of managed images, by name (the seed's {@code list_managed_images}).
   *
   * @param filters keep the images with every one of these libraries installed (at the exact
   *     version when a filter has one), judged on their {@code pip list}; null or empty keeps all
   * @param pageToken the previous page's {@link ManagedImagePage#nextPageToken()}; null or empty
   *     for the first page (a token carries the filters of the first call)
   * @param pageSize how many images at most (the seed's default is 100)
   */
  @Calls(Operation.LIST_MANAGED_IMAGES)
  public ManagedImagePage listManagedImages(
      List<PipLibraryFilter> filters, String pageToken, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
    }
    Query q = Query.none();
    if (filters != null) {
      for (PipLibraryFilter f : filters) {
        q.add("pip_library", f.toQuery());
      }
    }
    q.add("page_size", pageSize);
    q.add("page_token", pageToken == null || pageToken.isEmpty() ? null : pageToken);
    ListManagedImagesResponse r =
        transport.json(
            Operation.LIST_MANAGED_IMAGES, List.of(), q, null, ListManagedImagesResponse.class);
    return new ManagedImagePage(r.images(), r.nextPageToken());
  }

  /** The first page of up to 100 managed images with these libraries. */
  public ManagedImagePage listManagedImages(List<PipLibraryFilter> filters) {
    return listManagedImages(filters, null, PAGE_SIZE);
  }

  /**
   * Creates an API key. Needs an ADMIN key.
   *
   * @param name what the key is for
   * @param role ADMIN or USER; null lets the server choose (USER)
   * @return the key in clear (shown this once) and what the server keeps of it
   * @throws PermissionDeniedException when this client's key is not an ADMIN key
   */
  @Calls(Operation.CREATE_API_KEY)
  public CreateApiKeyResponse createApiKey(String name, ApiKeyInfo.Role role) {
    Objects.requireNonNull(name, "name");
    return transport.json(
        Operation.CREATE_API_KEY,
        List.of(),
        Query.none(),
        new CreateApiKeyRequest(name, role),
        CreateApiKeyResponse.class);
  }

  /** Every API key, revoked ones included (never the keys themselves). Needs an ADMIN key. */
  @Calls(Operation.LIST_API_KEYS)
  public List<ApiKeyInfo> listApiKeys() {
    ListApiKeysResponse r =
        transport.json(
            Operation.LIST_API_KEYS, List.of(), Query.none(), null, ListApiKeysResponse.class);
    return r.apiKeys() == null ? List.of() : List.copyOf(r.apiKeys());
  }

  /**
   * Revokes an API key; the server refuses it from then on. Needs an ADMIN key.
   *
   * @return the key as revoked
   * @throws NotFoundException when there is no such key
   * @throws FailedPreconditionException when it is the last admin key
   */
  @Calls(Operation.REVOKE_API_KEY)
  public ApiKeyInfo revokeApiKey(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    return transport.json(
        Operation.REVOKE_API_KEY, List.of(keyId), Query.none(), null, ApiKeyInfo.class);
  }

  /**
   * Creates a continuous-test (CT) instance on a stress-test run; it is inactive until {@link
   * RimeCtInstance#activateCtInstance()}.
   *
   * @param binSizeSeconds 3600 (hourly) or 86400 (daily)
   * @param testRunId a SUCCEEDED stress-test run of the project (the seed's {@code ot_test_run_id})
   * @throws InvalidArgumentException (field {@code bin_size_seconds}) for another bin size, or
   *     (field {@code test_run_id}) for a run of another project or a bin's run
   * @throws NotFoundException when the project or the run does not exist
   */
  @Calls(Operation.CREATE_CT_INSTANCE)
  public RimeCtInstance createCtInstance(
      String name, long binSizeSeconds, String testRunId, String projectId) {
    CtInstance c =
        transport.json(
            Operation.CREATE_CT_INSTANCE,
            List.of(),
            Query.none(),
            new CreateCtInstanceRequest(name, binSizeSeconds, testRunId, projectId),
            CtInstance.class);
    return new RimeCtInstance(this, c.ctInstanceId());
  }

  /**
   * A CT instance.
   *
   * @throws NotFoundException when it does not exist
   */
  @Calls(Operation.GET_CT_INSTANCE)
  public RimeCtInstance getCtInstance(String ctInstanceId) {
    return new RimeCtInstance(this, fetchCtInstance(ctInstanceId).ctInstanceId());
  }

  /**
   * The project's active CT instance.
   *
   * @throws NotFoundException when the project does not exist or has no active CT instance
   */
  @Calls(Operation.GET_ACTIVE_CT_INSTANCE)
  public RimeCtInstance getActiveCtInstanceForProject(String projectId) {
    Objects.requireNonNull(projectId, "projectId");
    CtInstance c =
        transport.json(
            Operation.GET_ACTIVE_CT_INSTANCE,
            List.of(projectId),
            Query.none(),
            null,
            CtInstance.class);
    return new RimeCtInstance(this, c.ctInstanceId());
  }

  /** {@code startContinuousTestFromReference(config, ContinuousTestOptions.defaults())}. */
  public ContinuousTestJob startContinuousTestFromReference(Map<String, Object> testRunConfig) {
    return startContinuousTestFromReference(testRunConfig, ContinuousTestOptions.defaults());
  }

  /**
   * Starts a continuous test from a reference: one job runs the stress test of the reference
   * against the whole evaluation set, creates a CT instance on it (inactive), cuts the evaluation
   * rows into time bins by {@code continuous_info.timestamp_col} and tests every bin against the
   * reference.
   *
   * @param testRunConfig a stress-test config with {@code continuous_info: {timestamp_col,
   *     bin_size: "hour"|"day"}}
   * @throws InvalidConfigException when the server rejects the config (the key is named)
   * @throws NotFoundException when the project does not exist
   */
  @Calls(Operation.START_CONTINUOUS_TEST_FROM_REFERENCE)
  public ContinuousTestJob startContinuousTestFromReference(
      Map<String, Object> testRunConfig, ContinuousTestOptions options) {
    Objects.requireNonNull(testRunConfig, "testRunConfig");
    Objects.requireNonNull(options, "options");
    StressTestOptions o = options.job();
    StartContinuousTestRequest request =
        new StartContinuousTestRequest(
            testRunConfig,
            o.projectId(),
            options.ctInstanceName(),
            o.rimeManagedImage(),
            o.customImage(),
            o.ramRequestMegabytes(),
            o.cpuRequestMillicores());
    Job job =
        transport.json(
            Operation.START_CONTINUOUS_TEST_FROM_REFERENCE,
            List.of(),
            Query.none(),
            request,
            Job.class);
    return new ContinuousTestJob(this, job.jobId());
  }

  /**
   * A handle on an existing continuous-test job.
   *
   * @throws NotFoundException when the job does not exist
   */
  public ContinuousTestJob getContinuousTestJob(String jobId) {
    return new ContinuousTestJob(this, fetchJob(jobId).jobId());
  }

  @Override
  public String toString() {
    return "RimeClient[" + baseUri() + "]";
  }

  CtInstance fetchCtInstance(String ctInstanceId) {
    Objects.requireNonNull(ctInstanceId, "ctInstanceId");
    return transport.json(
        Operation.GET_CT_INSTANCE, List.of(ctInstanceId), Query.none(), null, CtInstance.class);
  }

  Job fetchJob(String jobId) {
    Objects.requireNonNull(jobId, "jobId");
    return transport.json(Operation.GET_JOB, List.of(jobId), Query.none(), null, Job.class);
  }

  Transport transport() {
    return transport;
  }

  PrintStream out() {
    return out;
  }

  Duration reconnectTimeout() {
    return reconnectTimeout;
  }

  /** Builds a {@link RimeClient}. Only the address is required. */
  public static final class Builder {
    private URI baseUri;
    private String apiKey = "";
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration reconnectTimeout = DEFAULT_RECONNECT_TIMEOUT;
    private PrintStream out = System.out;

    private Builder() {}

    /**
     * Where the server is: a bare domain ({@code my_vpc.rime.com}) means https; a bare {@code
     * localhost}, {@code 127.0.0.1} or {@code [::1]}, with or without a port, means http; an
     * explicit {@code http://} or {@code https://} URL is used as given.
     *
     * @throws IllegalArgumentException when the address is blank, not a valid URL, or not http(s)
     */
    public Builder address(String address) {
      this.baseUri = Address.parse(address);
      return this;
    }

    /** The API key sent as header {@value Operation#API_KEY_HEADER} on every {@code /v1} call. */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey == null ? "" : apiKey;
      return this;
    }

    /** How long to wait for a connection (default 5 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for each answer (default 60 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * How long {@link StressTestJob#getStatus(boolean, boolean, double)} keeps reconnecting, while
     * it waits, before it gives up with {@link ServerUnreachableException} (default 1 minute).
     */
    public Builder reconnectTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "reconnectTimeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("reconnectTimeout must not be negative");
      }
      this.reconnectTimeout = timeout;
      return this;
    }

    /** Where verbose job output goes (default {@code System.out}). */
    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException when no address was given
     */
    public RimeClient build() {
      if (baseUri == null) {
        throw new IllegalStateException("RimeClient.builder(): address(...) is required");
      }
      return new RimeClient(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
