package io.baton.workers;

import java.io.IOException;

/** Lets tests in other packages start a worker JVM. */
public final class WorkerJvmAccess {

  private WorkerJvmAccess() {}

  public static Process start(String logName, String... args) throws IOException {
    return WorkerJvm.start(logName, args);
  }
}
