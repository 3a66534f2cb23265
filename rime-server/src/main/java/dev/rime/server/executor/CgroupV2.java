// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hard CPU and memory limits through cgroup v2, where this process may create child cgroups with
 * the memory and cpu controllers. Each job gets {@code <our cgroup>/rime-job-<id>} with {@code
 * memory.max} and {@code cpu.max}; the kernel then enforces the limit for the job and everything it
 * starts. Where cgroup v2 is missing or read-only, {@link #detect} answers empty and the executor
 * relies on the child's heap limit and its RSS watchdog.
 */
public final class CgroupV2 {

  private static final Logger LOG = LoggerFactory.getLogger(CgroupV2.class);

  private final Path parent;

  CgroupV2(Path parent) {
    this.parent = parent;
  }

  /**
   * The cgroup v2 hierarchy under {@code root} (normally {@code /sys/fs/cgroup}) if this process's
   * own cgroup there offers the memory and cpu controllers to children and is writable.
   */
  public static Optional<CgroupV2> detect(Path root, Path procSelfCgroup) {
    try {
      Path controllers = root.resolve("cgroup.controllers");
      if (!Files.isRegularFile(controllers)) {
        return Optional.empty();
      }
      String own = null;
      for (String line : Files.readAllLines(procSelfCgroup, StandardCharsets.UTF_8)) {
        if (line.startsWith("0::")) {
          own = line.substring(3).trim();
        }
      }
      if (own == null) {
        return Optional.empty();
      }
      Path parent = root.resolve(own.startsWith("/") ? own.substring(1) : own);
      String offered = Files.readString(parent.resolve("cgroup.controllers")).trim();
      List<String> names = List.of(offered.split("\\s+"));
      if (!names.contains("memory") || !names.contains("cpu") || !Files.isWritable(parent)) {
        return Optional.empty();
      }
      return Optional.of(new CgroupV2(parent));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Puts a process into a new cgroup limited to {@code memoryMb} and {@code cpuMillicores}.
   *
   * @return the cgroup folder, or empty when the kernel refused (the reason is logged)
   */
  public Optional<Path> confine(String jobId, long pid, long memoryMb, int cpuMillicores) {
    Path group = parent.resolve("rime-job-" + jobId);
    try {
      enableControllers();
      Files.createDirectories(group);
      Files.writeString(group.resolve("memory.max"), Long.toString(memoryMb * 1024 * 1024));
      Files.writeString(group.resolve("memory.swap.max"), "0");
      // cpu.max: quota and period in microseconds; 1000 millicores = one full period
      long period = 100_000;
      long quota = Math.max(1000, (long) cpuMillicores * period / 1000);
      Files.writeString(group.resolve("cpu.max"), quota + " " + period);
      Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
      return Optional.of(group);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cgroup v2 limits not applied to job {}: {}", jobId, e.toString());
      return Optional.empty();
    }
  }

  /** Removes a job's cgroup once its processes are gone. */
  public void release(Path group) {
    try {
      Files.deleteIfExists(group);
    } catch (IOException e) {
      LOG.debug("cannot remove {}: {}", group, e.toString());
    }
  }

  private void enableControllers() throws IOException {
    Path subtree = parent.resolve("cgroup.subtree_control");
    String enabled = Files.isRegularFile(subtree) ? Files.readString(subtree) : "";
    if (enabled.contains("memory") && enabled.contains("cpu")) {
      return;
    }
    try {
      Files.writeString(subtree, "+memory +cpu");
    } catch (IOException busy) {
      // cgroup v2 lets a group hand controllers to children only when it holds no process itself:
      // move this server into a leaf of its own, then try again
      Path leaf = parent.resolve("rime-server");
      Files.createDirectories(leaf);
      Files.writeString(leaf.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
      Files.writeString(subtree, "+memory +cpu");
    }
  }
}
