// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.service;

import dev.rime.api.CreateManagedImageRequest;
import dev.rime.api.ErrorResponse;
import dev.rime.api.JobStatus;
import dev.rime.api.ListManagedImagesResponse;
import dev.rime.api.ManagedImage;
import dev.rime.api.ManagedImageStatus;
import dev.rime.api.PipLibraryFilter;
import dev.rime.api.PipRequirement;
import dev.rime.server.images.ImageBuilds;
import dev.rime.server.images.PythonInterpreters;
import dev.rime.server.store.DuplicateKeyException;
import dev.rime.server.store.JobRecord;
import dev.rime.server.store.JobStore;
import dev.rime.server.store.ManagedImageRecord;
import dev.rime.server.store.ManagedImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Managed images: creating (checks, then a build in the background), reading, listing with pip
 * library filters, deleting, build logs, and the python a job in an image runs with.
 */
public final class ManagedImageService {

  private static final Pattern NAME = Pattern.compile(ManagedImage.NAME_PATTERN);

  private final ManagedImageStore images;
  private final JobStore jobs;
  private final ImageBuilds builds;
  private final Clock clock;

  public ManagedImageService(
      ManagedImageStore images, JobStore jobs, ImageBuilds builds, Clock clock) {
    this.images = images;
    this.jobs = jobs;
    this.builds = builds;
    this.clock = clock;
  }

  /** Checks the request, stores the image (building for the first time) and queues its build. */
  public ManagedImage create(CreateManagedImageRequest request) {
    String name = request.name();
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("name is required", "name");
    }
    if (name.length() > ManagedImage.MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw ApiException.invalid(
          "managed image name '"
              + name
              + "' is not valid: lower-case letters and digits, starting with a letter, in parts"
              + " joined by single '_' or '-' (e.g. xgboost102_tensorflow), at most "
              + ManagedImage.MAX_NAME_LENGTH
              + " characters",
          "name");
    }
    List<PipRequirement> requirements =
        request.pipRequirements() == null ? List.of() : request.pipRequirements();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requirements.size(); i++) {
      PipRequirement r = requirements.get(i);
      String field = "pip_requirements[" + i + "]";
      if (r == null) {
        throw ApiException.invalid(field + " is null", field);
      }
      Optional<String> problem = r.problem();
      if (problem.isPresent()) {
        boolean nameAtFault = problem.get().startsWith("pip requirement name");
        throw ApiException.invalid(
            problem.get(), field + (nameAtFault ? ".name" : ".version_specifier"));
      }
      if (!seen.add(PipRequirement.normalize(r.name()))) {
        throw ApiException.invalid(
            "pip requirement " + r.name() + " is given twice; give one specifier list for it",
            field + ".name");
      }
    }
    String version = request.pythonVersion();
    if (version != null && !PythonInterpreters.isVersion(version.trim())) {
      throw ApiException.invalid(
          "python_version '" + version + "' is not a Python version X.Y such as 3.11",
          "python_version");
    }
    PythonInterpreters.Interpreter python;
    try {
      python = builds.pythons().find(version == null ? null : version.trim());
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          ErrorResponse.Code.FAILED_PRECONDITION, e.getMessage(), "python_version");
    }
    ManagedImageRecord image =
        ManagedImageRecord.building(
            name,
            requirements.stream()
                .map(
                    r ->
                        new PipRequirement(
                            r.name(),
                            r.versionSpecifier() == null || r.versionSpecifier().isBlank()
                                ? null
                                : r.versionSpecifier().trim()))
                .toList(),
            python.version(),
            ImageBuilds.newBuildId(),
            clock.millis());
    try {
      images.insert(image);
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          ErrorResponse.Code.ALREADY_EXISTS,
          "managed image '" + name + "' already exists; choose another name or delete it first",
          "name");
    }
    builds.buildNew(image);
    return image.toApi();
  }

  public ManagedImage get(String name) {
    return record(name).toApi();
  }

  /**
   * A page of images by name.
   *
   * @param filterValues {@code name} or {@code name==version} each; all must match
   */
  public ListManagedImagesResponse list(
      List<String> filterValues, Integer pageSize, String pageToken) {
    int size = pageSize == null ? JobService.DEFAULT_PAGE_SIZE : pageSize;
    if (size < 1 || size > JobService.MAX_PAGE_SIZE) {
      throw ApiException.invalid(
          "page_size must be between 1 and " + JobService.MAX_PAGE_SIZE, "page_size");
    }
    List<String> given = new ArrayList<>();
    List<PipLibraryFilter> filters = new ArrayList<>();
    for (String v : filterValues) {
      PipLibraryFilter f;
      try {
        f = PipLibraryFilter.parse(v);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(e.getMessage(), "pip_library");
      }
      filters.add(f);
      given.add(f.toQuery());
    }
    PageTokens.ImagesCursor cursor = PageTokens.images(pageToken);
    if (cursor != null) {
      if (!given.isEmpty() && !given.equals(cursor.filters())) {
        throw ApiException.invalid(
            "page_token belongs to a list with other pip_library filters; send the same filters"
                + " or none with it",
            "page_token");
      }
      given = cursor.filters();
      filters = given.stream().map(PipLibraryFilter::parse).toList();
    }
    List<ManagedImageRecord> page =
        images.list(filters, cursor == null ? null : cursor.afterName(), size + 1);
    boolean more = page.size() > size;
    List<ManagedImageRecord> shown = more ? page.subList(0, size) : page;
    return new ListManagedImagesResponse(
        shown.stream().map(ManagedImageRecord::toApi).toList(),
        more ? PageTokens.images(shown.get(shown.size() - 1).name(), given) : "");
  }

  /**
   * Deletes an image: stops its build and removes its files.
   *
   * @throws ApiException FAILED_PRECONDITION while a pending or running job names it
   */
  public ManagedImage delete(String name) {
    ManagedImageRecord image = record(name);
    List<String> users =
        jobs.listByStatus(JobStatus.PENDING, JobStatus.RUNNING).stream()
            .filter(j -> name.equals(j.managedImage()))
            .map(JobRecord::jobId)
            .toList();
    if (!users.isEmpty()) {
      throw new ApiException(
          ErrorResponse.Code.FAILED_PRECONDITION,
          "managed image '"
              + name
              + "' is used by pending or running job(s) "
              + String.join(", ", users)
              + "; delete it once they have ended",
          "name");
    }
    builds.cancel(name);
    images.delete(name);
    builds.deleteFiles(name);
    return image.toApi();
  }

  /** The log of the image's latest build (its last {@code tailLines} lines when given). */
  public String logs(String name, Integer tailLines) {
    ManagedImageRecord image = record(name);
    if (tailLines != null && tailLines < 1) {
      throw ApiException.invalid("tail_lines must be at least 1", "tail_lines");
    }
    Optional<Path> log = builds.log(name, image.buildId());
    if (log.isEmpty()) {
      return "";
    }
    String text;
    try {
      text = Files.readString(log.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the build log of " + name, e);
    }
    if (tailLines == null) {
      return text;
    }
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - tailLines), lines.size()))
        + "\n";
  }

  /**
   * Checks a job may name the image: it exists and is READY.
   *
   * @throws ApiException NOT_FOUND or FAILED_PRECONDITION (with the image's status), field {@code
   *     rime_managed_image}
   */
  public void requireReady(String name) {
    ManagedImageRecord image =
        images
            .get(name)
            .orElseThrow(() -> ApiException.notFound("managed image", name, "rime_managed_image"));
    if (image.status() != ManagedImageStatus.STATUS_READY) {
      throw new ApiException(
          ErrorResponse.Code.FAILED_PRECONDITION, notReady(image), "rime_managed_image");
    }
  }

  /**
   * The python of a READY image's environment, for a job about to start.
   *
   * @throws IllegalStateException saying the image's status when it cannot run jobs
   */
  public Path python(String name) {
    ManagedImageRecord image =
        images
            .get(name)
            .orElseThrow(
                () -> new IllegalStateException("managed image '" + name + "' does not exist"));
    if (image.status() != ManagedImageStatus.STATUS_READY || image.pythonPath() == null) {
      throw new IllegalStateException(notReady(image));
    }
    Path python = Path.of(image.pythonPath());
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException(
          "managed image '" + name + "' is READY but its python " + python + " is missing");
    }
    return python;
  }

  private static String notReady(ManagedImageRecord image) {
    String why =
        switch (image.status()) {
          case STATUS_BUILDING_FIRST_TIME, STATUS_REBUILDING ->
              "; wait until it is STATUS_READY (its builder's getStatus waits for it)";
          case STATUS_OUTDATED -> "; it is rebuilt for this server's model runner";
          case STATUS_FAILED ->
              "; its build failed: "
                  + image.errorMessage()
                  + " (delete it and create it again with other requirements)";
          default -> "";
        };
    return "managed image '"
        + image.name()
        + "' cannot run jobs: its status is "
        + image.status()
        + why;
  }

  private ManagedImageRecord record(String name) {
    return images.get(name).orElseThrow(() -> ApiException.notFound("managed image", name, "name"));
  }
}
