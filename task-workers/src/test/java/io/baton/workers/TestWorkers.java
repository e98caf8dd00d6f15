package io.baton.workers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Workers that reach the engine application under test only through its REST API. */
public final class TestWorkers {

  private TestWorkers() {}

  /** The engine REST API of the application under test on {@code port}. */
  public static String engineRest(int port) {
    return "http://localhost:" + port + "/engine-rest";
  }

  /**
   * The long-term memory a standalone worker uses: the engine's memory API on {@code port}, as the
   * service account.
   */
  public static io.baton.connectors.memory.MemoryStore memoryStore(int port, String password) {
    return new RestMemoryStore(new EngineClient(engineRest(port), "worker", password));
  }

  /**
   * Arguments that connect a worker to the engine on {@code port} as the service account, with the
   * test profile's short long-poll and no management port (it costs each worker's start a web
   * server; {@link #argsWithManagementPort} has one), followed by {@code more}.
   */
  public static String[] args(int port, String password, String... more) {
    return workerArgs(port, password, "--spring.main.web-application-type=none", more);
  }

  /** As {@link #args}, with the management port on a free port. */
  public static String[] argsWithManagementPort(int port, String password, String... more) {
    return workerArgs(port, password, "--server.port=0", more);
  }

  private static String[] workerArgs(int port, String password, String management, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--baton.workers.base-url=" + engineRest(port),
                "--baton.workers.password=" + password,
                "--baton.workers.async-response-timeout=1s",
                management));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /**
   * A standalone worker in a JVM of its own, started from the test classpath, logging to target. It
   * compiles with C1 only: a test worker lives for seconds, and on two cores the full JIT costs its
   * start more than it gains.
   */
  public static Process startJvm(String logName, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                WorkerApplication.class.getName()));
    command.addAll(List.of(args));
    File log = Path.of("target", logName + ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }
}
