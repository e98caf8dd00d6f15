package io.baton.workers;

import com.sun.net.httpserver.HttpServer;
import io.baton.support.ToolTasks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A webhook receiver on loopback that counts deliveries per Idempotency-Key, and can hold them. */
public final class TestWebhook {

  private final HttpServer server;
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private volatile CountDownLatch gate;

  private TestWebhook(HttpServer server) {
    this.server = server;
  }

  /** Answers 200 after a random delay between the bounds (0 and 0 for at once). */
  public static TestWebhook start(int minDelayMillis, int maxDelayMillis) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(Executors.newFixedThreadPool(64));
    TestWebhook webhook = new TestWebhook(server);
    server.createContext(
        "/hook",
        exchange -> {
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          webhook.deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          try {
            if (maxDelayMillis > 0) {
              Thread.sleep(ThreadLocalRandom.current().nextInt(minDelayMillis, maxDelayMillis));
            }
            CountDownLatch gate = webhook.gate;
            if (gate != null) {
              gate.await(120, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return webhook;
  }

  /** From now on, answers each delivery (counted when it arrives) only after {@link #release}. */
  public void hold() {
    gate = new CountDownLatch(1);
  }

  public void release() {
    CountDownLatch held = gate;
    gate = null;
    if (held != null) {
      held.countDown();
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public Map<String, AtomicInteger> deliveries() {
    return deliveries;
  }

  public int total() {
    return deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public void stop() {
    server.stop(0);
  }

  /** A process of one {@code baton.notify} step, which sends to a webhook such as this. */
  static BpmnModelInstance notifyProcess(String key) {
    return ToolTasks.approval(
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("notify")
            .camundaExternalTask("baton.notify")
            .endEvent()
            .done(),
        "notify",
        "none"); // these tests are about the effect ledger, not approvals
  }
}
