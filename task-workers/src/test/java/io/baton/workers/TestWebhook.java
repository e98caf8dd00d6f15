package io.baton.workers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that counts deliveries per Idempotency-Key. */
final class TestWebhook {

  private final HttpServer server;
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

  private TestWebhook(HttpServer server) {
    this.server = server;
  }

  /** Answers 200 after a random delay between the bounds (0 and 0 for at once). */
  static TestWebhook start(int minDelayMillis, int maxDelayMillis) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(Executors.newFixedThreadPool(64));
    TestWebhook webhook = new TestWebhook(server);
    server.createContext(
        "/hook",
        exchange -> {
          if (maxDelayMillis > 0) {
            try {
              Thread.sleep(ThreadLocalRandom.current().nextInt(minDelayMillis, maxDelayMillis));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          webhook.deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return webhook;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  Map<String, AtomicInteger> deliveries() {
    return deliveries;
  }

  int total() {
    return deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  void stop() {
    server.stop(0);
  }
}
