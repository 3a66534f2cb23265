// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cgroup v2 limits, on a folder laid out like {@code /sys/fs/cgroup} (the machines here mount
 * cgroup v1 for memory, so the kernel's own files cannot be used in tests): what is detected, and
 * what is written for a job.
 */
class CgroupV2Test {

  @TempDir Path root;

  Path selfCgroup(String line) throws Exception {
    Path p = root.resolve("self-cgroup");
    Files.writeString(p, line + "\n");
    return p;
  }

  @Test
  void detectsOurCgroupWhenItOffersMemoryAndCpu() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    Path own = Files.createDirectories(root.resolve("system.slice/rime.service"));
    Files.writeString(own.resolve("cgroup.controllers"), "cpu memory pids\n");
    Files.writeString(own.resolve("cgroup.subtree_control"), "");

    CgroupV2 cg = CgroupV2.detect(root, selfCgroup("0::/system.slice/rime.service")).orElseThrow();
    Path group = cg.confine("job1", 4242, 8000, 3000).orElseThrow();

    assertThat(group).isEqualTo(own.resolve("rime-job-job1"));
    assertThat(Files.readString(own.resolve("cgroup.subtree_control"))).isEqualTo("+memory +cpu");
    // 8000 MB in bytes; 3000 millicores = three full 100 ms periods
    assertThat(Files.readString(group.resolve("memory.max"))).isEqualTo("8388608000");
    assertThat(Files.readString(group.resolve("memory.swap.max"))).isEqualTo("0");
    assertThat(Files.readString(group.resolve("cpu.max"))).isEqualTo("300000 100000");
    assertThat(Files.readString(group.resolve("cgroup.procs"))).isEqualTo("4242");
  }

  @Test
  void isNotUsedWithoutTheControllersOrOnCgroupV1() throws Exception {
    assertThat(CgroupV2.detect(root, selfCgroup("0::/"))).as("no cgroup v2 mounted").isEmpty();

    Files.writeString(root.resolve("cgroup.controllers"), "cpu memory\n");
    Path own = Files.createDirectories(root.resolve("a"));
    Files.writeString(own.resolve("cgroup.controllers"), "pids\n");
    assertThat(CgroupV2.detect(root, selfCgroup("0::/a"))).as("memory not offered").isEmpty();
    assertThat(CgroupV2.detect(root, selfCgroup("4:memory:/x"))).as("v1 only").isEmpty();
  }
}
