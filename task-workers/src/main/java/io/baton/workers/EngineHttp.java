package io.baton.workers;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP client a worker reaches Baton's own engine API with (the effect ledger, the audit of
 * model calls). Its clients share two threads for their internal work: without an executor of its
 * own, each JDK client grows a thread for every request sent at the same time.
 */
final class EngineHttp {

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService SHARED =
      Executors.newFixedThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "baton-engine-http-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private EngineHttp() {}

  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(SHARED).build();
  }
}
