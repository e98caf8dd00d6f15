package io.baton.agents;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in ERP on a real HTTP server for the agents' issue-refund tool: it takes {@code POST
 * /orders/{id}/refunds} with the demo ERP's bearer token, applies each {@code Idempotency-Key}
 * once, and keeps what it received.
 */
public final class RefundStandIn {

  /** The bearer token of the embedded default's {@code erp} endpoint. */
  static final String TOKEN = "demo-erp-token";

  /** One refund request the ERP received. */
  public record Received(String orderId, String idempotencyKey, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> applied = new ConcurrentHashMap<>();

  private RefundStandIn(HttpServer server) {
    this.server = server;
  }

  public static RefundStandIn start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      RefundStandIn erp = new RefundStandIn(server);
      server.createContext("/orders/", erp::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return erp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
  }

  /** The refund requests received for the order, repeated ones included. */
  List<Received> received(String orderId) {
    return received.stream().filter(r -> r.orderId().equals(orderId)).toList();
  }

  /** How many refunds of the order were applied (each idempotency key once). */
  long applied(String orderId) {
    return applied.values().stream().filter(orderId::equals).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (!"POST".equals(exchange.getRequestMethod())
          || path.length != 4
          || !"refunds".equals(path[3])) {
        answer(exchange, 404, "{\"error\":\"not found\"}");
        return;
      }
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "{\"error\":\"unauthorized\"}");
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(path[2], key, body));
      applied.putIfAbsent(key == null ? "none-" + received.size() : key, path[2]);
      answer(
          exchange, 200, "{\"updateId\":\"RF-" + Math.abs(String.valueOf(key).hashCode()) + "\"}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
