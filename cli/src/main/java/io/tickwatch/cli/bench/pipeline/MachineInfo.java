package io.tickwatch.cli.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on.
 *
 * @param processors available processors (nproc)
 * @param cpuModel CPU model from /proc/cpuinfo, or "unknown"
 * @param java Java runtime name and version
 */
public record MachineInfo(int processors, String cpuModel, String java) {

  public static MachineInfo current() {
    String model = "unknown";
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: keep "unknown"
    }
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        model,
        System.getProperty("java.runtime.name", "Java")
            + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vm.name", "?")
            + ")");
  }

  @Override
  public String toString() {
    return processors + " CPU(s), " + cpuModel + ", " + java;
  }
}
