package io.baton.workers;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP client a worker reaches Baton's own engine API with (the effect ledger, the audit of
 * model calls). Its clients share two threads for their internal work: without an executor of its
 * own, each JDK client grows a thread for every request sent at the same time.
 */
final class EngineHttp {

  private static final ExecutorService SHARED =
      Executors.newFixedThreadPool(2, WorkerRuntime.named("baton-engine-http"));

  private EngineHttp() {}

  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(SHARED).build();
  }
}
