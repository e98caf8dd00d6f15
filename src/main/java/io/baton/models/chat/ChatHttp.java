package io.baton.models.chat;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP client every chat provider sends with: langchain4j's JDK client, noting Retry-After.
 * Requests wait for their answers without a thread; the answers are read on a small shared pool, so
 * thousands of calls in flight do not grow a thread each.
 */
public final class ChatHttp {

  /** Threads that move and parse providers' answers, for all models together. */
  static final int ANSWER_THREADS = 4;

  private static final ExecutorService ANSWERS =
      Executors.newFixedThreadPool(ANSWER_THREADS, daemonThreads("baton-model-http-"));

  private ChatHttp() {}

  /**
   * The JDK HTTP client hands every asynchronous answer to {@code CompletableFuture}'s default
   * executor, which on a machine with fewer than three CPUs starts a new thread per task instead of
   * using the common pool. Call first thing in {@code main}: it gives the common pool a parallelism
   * of at least two, so answers reuse its threads. An explicit setting is kept.
   */
  public static void reuseThreadsForAnswers() {
    String parallelism = "java.util.concurrent.ForkJoinPool.common.parallelism";
    if (System.getProperty(parallelism) == null && Runtime.getRuntime().availableProcessors() < 3) {
      System.setProperty(parallelism, "2");
    }
  }

  public static HttpClientBuilder client() {
    return BufferedStreamHttpClient.builder(ANSWERS);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
