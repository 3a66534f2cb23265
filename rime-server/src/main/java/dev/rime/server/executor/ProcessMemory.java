// SPDX-License-Identifier: Apache-2.0
package dev.rime.server.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Resident memory of a process tree, read from Linux's {@code /proc}. */
final class ProcessMemory {

  private ProcessMemory() {}

  /** Whether RSS can be read here. */
  static boolean available() {
    return Files.isReadable(Path.of("/proc/self/status"));
  }

  /** Resident set size of the process and all its descendants, in MB; empty when unreadable. */
  static OptionalLong treeRssMb(ProcessHandle root) {
    long kb = 0;
    boolean any = false;
    for (ProcessHandle p :
        (Iterable<ProcessHandle>) Stream.concat(Stream.of(root), root.descendants())::iterator) {
      OptionalLong rss = rssKb(p.pid());
      if (rss.isPresent()) {
        kb += rss.getAsLong();
        any = true;
      }
    }
    return any ? OptionalLong.of(kb / 1024) : OptionalLong.empty();
  }

  private static OptionalLong rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading
    }
    return OptionalLong.empty();
  }
}
