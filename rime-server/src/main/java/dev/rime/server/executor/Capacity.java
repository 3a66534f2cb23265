// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

/** CPU (millicores) and RAM (MB) that jobs may request in total at one time. */
public record Capacity(int cpuMillicores, int ramMegabytes) {

  /** This machine: every core, and the physical memory less 1 GB for the server itself. */
  public static Capacity ofThisMachine() {
    int cpu = Runtime.getRuntime().availableProcessors() * 1000;
    long totalMb = 0;
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      totalMb = sun.getTotalMemorySize() / (1024 * 1024);
    }
    int ram = (int) Math.max(1024, totalMb - 1024);
    return new Capacity(cpu, ram);
  }

  /** Whether a request fits in this much room. */
  public boolean fits(int cpuRequest, int ramRequest) {
    return cpuRequest <= cpuMillicores && ramRequest <= ramMegabytes;
  }

  public Capacity minus(int cpuRequest, int ramRequest) {
    return new Capacity(cpuMillicores - cpuRequest, ramMegabytes - ramRequest);
  }
}
