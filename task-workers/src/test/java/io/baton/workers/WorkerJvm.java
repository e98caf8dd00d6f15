package io.baton.workers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A standalone worker in a JVM of its own, started from the test classpath. */
final class WorkerJvm {

  private WorkerJvm() {}

  static Process start(String logName, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                WorkerApplication.class.getName()));
    command.addAll(List.of(args));
    File log = Path.of("target", logName + ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }
}
