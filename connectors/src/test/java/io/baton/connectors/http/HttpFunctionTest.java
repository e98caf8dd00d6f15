package io.baton.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http tool against a real HTTP server on loopback: what each answer becomes. */
class HttpFunctionTest {

  private static HttpServer server;
  private static final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private static HttpFunction http;

  record Received(String method, String uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/api/", HttpFunctionTest::answer);
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    http =
        new HttpFunction(
            new HttpToolsProperties(
                Map.of(
                    "erp",
                    new HttpToolsProperties.Endpoint(
                        base, Duration.ofSeconds(2), 4096, "t0ken", null, null),
                    "crm",
                    new HttpToolsProperties.Endpoint(
                        base, Duration.ofSeconds(2), 4096, null, "baton", "pw"),
                    "down",
                    new HttpToolsProperties.Endpoint(
                        "http://127.0.0.1:" + freePort() + "/",
                        Duration.ofSeconds(2),
                        4096,
                        null,
                        null,
                        null))));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @BeforeEach
  void forget() {
    received.clear();
  }

  /** The server's script: the path says how to answer. */
  private static void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/api/shipments/S-1" ->
          send(
              exchange,
              200,
              "application/json",
              "{\"id\":\"S-1\",\"status\":\"rerouted\",\"eta\":{\"days\":3,\"port\":\"RTM\"},"
                  + "\"legs\":[{\"from\":\"HAM\"},{\"from\":\"RTM\"}],\"cost\":1250.5,\"urgent\":true}");
      case "/api/conflict" ->
          send(
              exchange,
              409,
              "application/problem+json",
              "{\"title\":\"Conflict\",\"detail\":\"shipment S-1 is already   rerouted\"}");
      case "/api/long-error" -> send(exchange, 400, "text/plain", "x".repeat(1000));
      case "/api/not-found" -> send(exchange, 404, "text/html", "<h1>Not Found</h1>");
      case "/api/busy" -> {
        exchange.getResponseHeaders().add("Retry-After", "7");
        send(exchange, 429, "text/plain", "slow down");
      }
      case "/api/busy-no-hint" -> send(exchange, 429, "text/plain", "slow down");
      case "/api/maintenance" -> {
        exchange.getResponseHeaders().add("Retry-After", "120");
        send(exchange, 503, "text/plain", "maintenance");
      }
      case "/api/broken" -> send(exchange, 500, "text/plain", "NullPointerException");
      case "/api/moved" -> {
        exchange.getResponseHeaders().add("Location", "http://evil.example.com/");
        send(exchange, 302, "text/plain", "");
      }
      case "/api/slow" -> {
        try {
          Thread.sleep(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(exchange, 200, "application/json", "{}");
      }
      case "/api/big" -> {
        // chunked, no Content-Length: only reading tells how big it is
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          byte[] chunk = "[1,2,3,4,5,6,7,8,9],".repeat(50).getBytes(StandardCharsets.UTF_8);
          for (int i = 0; i < 1_000; i++) {
            out.write(chunk);
          }
        } catch (IOException cutOff) {
          // the client stopped reading, as it should
        }
      }
      case "/api/html" -> send(exchange, 200, "text/html", "<html>hello</html>");
      case "/api/empty" -> send(exchange, 204, null, "");
      default -> send(exchange, 200, "application/json", "{\"echo\":true}");
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      exchange.getResponseHeaders().add("Content-Type", type);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpCallRequest call(String method, String path) {
    return new HttpCallRequest("erp", method, path, null, null, null);
  }

  @Test
  void should_complete_with_the_status_and_the_outputs_its_json_paths_find() {
    HttpCallResult result =
        http.act(
            new HttpCallRequest(
                "erp",
                "PUT",
                "/shipments/S-1",
                Map.of("dryRun", false),
                Map.of("option", "reroute-rotterdam", "quantity", 40),
                Map.of(
                    "shipmentStatus", "$.status",
                    "eta", "$.eta",
                    "legs", "$.legs",
                    "firstLeg", "$.legs[0].from",
                    "cost", "$.cost",
                    "urgent", "$.urgent",
                    "missing", "$.nothing.here")),
            "pi-1:act-1");

    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.outputs())
        .containsEntry("shipmentStatus", "rerouted")
        .containsEntry("eta", Map.of("days", 3, "port", "RTM"))
        .containsEntry("legs", List.of(Map.of("from", "HAM"), Map.of("from", "RTM")))
        .containsEntry("firstLeg", "HAM")
        .containsEntry("cost", 1250.5)
        .containsEntry("urgent", true)
        .containsEntry("missing", null);
    Received request = received.peek();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.uri()).isEqualTo("/api/shipments/S-1?dryRun=false");
    assertThat(request.header("Idempotency-key")).isEqualTo("pi-1:act-1");
    assertThat(request.header("Authorization")).isEqualTo("Bearer t0ken");
    assertThat(request.header("Content-type")).isEqualTo("application/json");
    assertThat(request.body()).contains("\"option\":\"reroute-rotterdam\"", "\"quantity\":40");
  }

  @Test
  void should_send_basic_credentials_and_no_body_on_a_get() {
    HttpCallResult result =
        http.act(new HttpCallRequest("crm", null, "/customers/C-1", null, null, null), "k");

    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.outputs()).isEmpty();
    Received request = received.peek();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.header("Authorization")).isEqualTo("Basic YmF0b246cHc=");
    assertThat(request.header("Content-type")).isNull();
    assertThat(request.body()).isEmpty();
  }

  @Test
  void should_raise_http_409_with_the_status_and_the_reason_for_the_boundary_event() {
    assertThatThrownBy(() -> http.act(call("PUT", "/conflict"), "k"))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            error -> {
              assertThat(error.code()).isEqualTo("HTTP_409").isEqualTo(HttpFunction.CONFLICT);
              assertThat(error.getMessage())
                  .isEqualTo("HTTP 409 from erp PUT /conflict: shipment S-1 is already rerouted");
              assertThat(error.variables())
                  .containsEntry("httpStatus", 409)
                  .containsEntry("httpError", "shipment S-1 is already rerouted");
            });
  }

  @Test
  void should_cap_the_reason_of_a_long_error_body() {
    assertThatThrownBy(() -> http.act(call("POST", "long-error"), "k"))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            error -> {
              assertThat(error.code()).isEqualTo("HTTP_400");
              assertThat((String) error.variables().get("httpError")).hasSize(200).endsWith("…");
            });
  }

  @Test
  void should_raise_http_404_for_a_missing_resource() {
    assertThatThrownBy(() -> http.act(call("GET", "/not-found"), "k"))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            error ->
                assertThat(error.getMessage())
                    .isEqualTo("HTTP 404 from erp GET /not-found: <h1>Not Found</h1>"));
  }

  @Test
  void should_retry_after_what_429_and_503_ask_for() {
    assertThatThrownBy(() -> http.act(call("POST", "/busy"), "k"))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            later -> {
              assertThat(later.retryAfter()).isEqualTo(Duration.ofSeconds(7));
              assertThat(later.getMessage()).isEqualTo("HTTP 429 from erp POST /busy: slow down");
            });
    assertThatThrownBy(() -> http.act(call("POST", "/maintenance"), "k"))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            later -> assertThat(later.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    assertThatThrownBy(() -> http.act(call("POST", "/busy-no-hint"), "k"))
        .isInstanceOfSatisfying(
            RetryLaterException.class, later -> assertThat(later.retryAfter()).isNull());
  }

  @Test
  void should_retry_a_server_error_a_timeout_and_a_refused_connection() {
    assertThatThrownBy(() -> http.act(call("POST", "/broken"), "k"))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            later -> {
              assertThat(later.retryAfter()).isNull();
              assertThat(later.getMessage()).startsWith("HTTP 500 from erp POST /broken");
            });
    long start = System.nanoTime();
    assertThatThrownBy(() -> http.act(call("GET", "/slow"), "k"))
        .isInstanceOf(RetryLaterException.class)
        .hasMessage("erp GET /slow did not answer within 2s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThatThrownBy(
            () -> http.act(new HttpCallRequest("down", "GET", "/x", null, null, null), "k"))
        .isInstanceOf(RetryLaterException.class)
        .hasMessageContaining("down GET /x");
  }

  @Test
  void should_stop_reading_a_response_over_the_limit_and_raise_an_incident() {
    assertThatThrownBy(() -> http.act(call("GET", "/big"), "k"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage(
            "response from erp GET /big exceeds 4096 bytes: raise"
                + " baton.tools.http.erp.max-response-bytes or ask for less");
  }

  @Test
  void should_raise_an_incident_when_outputs_ask_for_values_in_a_body_that_is_not_json() {
    assertThatThrownBy(
            () ->
                http.act(
                    new HttpCallRequest("erp", "GET", "/html", null, null, Map.of("x", "$.x")),
                    "k"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage(
            "response from erp GET /html is not JSON (Content-Type text/html), but outputs [x]"
                + " ask for values in it");
    assertThatThrownBy(
            () ->
                http.act(
                    new HttpCallRequest("erp", "DELETE", "/empty", null, null, Map.of("x", "$.x")),
                    "k"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("is not JSON");
  }

  @Test
  void should_complete_a_response_that_is_not_json_when_no_output_is_asked_for() {
    assertThat(http.act(call("GET", "/html"), "k").httpStatus()).isEqualTo(200);
    assertThat(http.act(call("DELETE", "/empty"), "k").httpStatus()).isEqualTo(204);
  }

  @Test
  void should_not_follow_a_redirect() {
    assertThatThrownBy(() -> http.act(call("GET", "/moved"), "k"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("HTTP 302 from erp GET /moved")
        .hasMessageContaining("redirects are not followed");
    assertThat(received).hasSize(1);
  }

  @Test
  void should_name_the_setting_of_an_endpoint_that_is_not_configured() {
    assertThatThrownBy(
            () -> http.act(new HttpCallRequest("billing", "GET", "/x", null, null, null), "k"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessage(
            "http endpoint 'billing' is not configured: set baton.tools.http.billing.base-url"
                + " (BATON_TOOLS_HTTP_BILLING_BASE_URL)");
  }

  @Test
  void should_send_nothing_when_the_path_or_an_output_path_is_refused() {
    assertThatThrownBy(() -> http.act(call("DELETE", "../admin"), "k"))
        .isInstanceOf(ConnectorIncident.class);
    assertThatThrownBy(
            () ->
                http.act(
                    new HttpCallRequest("erp", "POST", "/x", null, null, Map.of("id", "$[?(")),
                    "k"))
        .isInstanceOf(ConnectorIncident.class)
        .hasMessageContaining("output 'id' has no valid JSON path");
    assertThat(received).isEmpty();
  }
}
