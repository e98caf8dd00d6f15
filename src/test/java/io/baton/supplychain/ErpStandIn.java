package io.baton.supplychain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in ERP on a real HTTP server: it takes {@code PUT /shipments/{id}/reroute} with its
 * bearer token, applies each {@code Idempotency-Key} once, and counts what it received and what it
 * applied. It can hold the answer to a shipment's request, so a test can kill the caller meanwhile.
 */
final class ErpStandIn {

  static final String TOKEN = "test-erp-token";

  /** One request the ERP received. */
  record Received(String shipmentId, String idempotencyKey, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Received> applied = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch[]> holds = new ConcurrentHashMap<>();

  private ErpStandIn(HttpServer server) {
    this.server = server;
  }

  static ErpStandIn start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ErpStandIn erp = new ErpStandIn(server);
      server.createContext("/shipments/", erp::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return erp;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
  }

  /** Requests received for the shipment, a repeated one included. */
  List<Received> received(String shipmentId) {
    return received.stream().filter(r -> r.shipmentId().equals(shipmentId)).toList();
  }

  /** Updates applied to the shipment: one per idempotency key. */
  List<Received> applied(String shipmentId) {
    return applied.values().stream().filter(r -> r.shipmentId().equals(shipmentId)).toList();
  }

  /**
   * Holds the answer to the shipment's next request once it is applied: {@code [0]} counts down
   * when the request arrived, {@code [1]} releases the answer.
   */
  CountDownLatch[] holdNext(String shipmentId) {
    CountDownLatch[] latches = {new CountDownLatch(1), new CountDownLatch(1)};
    holds.put(shipmentId, latches);
    return latches;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "{\"error\":\"no valid token\"}");
        return;
      }
      if (!"PUT".equals(exchange.getRequestMethod())
          || path.length != 4
          || !"reroute".equals(path[3])) {
        answer(exchange, 404, "{\"error\":\"no such resource\"}");
        return;
      }
      String shipmentId = path[2];
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Received request = new Received(shipmentId, key, body);
      received.add(request);
      applied.putIfAbsent(key == null ? "none:" + received.size() : key, request);
      CountDownLatch[] hold = holds.remove(shipmentId);
      if (hold != null) {
        hold[0].countDown();
        hold[1].await(60, TimeUnit.SECONDS);
      }
      answer(exchange, 200, "{\"updateId\":\"ERP-" + shipmentId + "\",\"status\":\"REROUTED\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
