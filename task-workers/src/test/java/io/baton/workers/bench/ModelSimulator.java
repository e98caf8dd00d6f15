package io.baton.workers.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OpenAI-compatible chat-completions endpoint on loopback that answers after the latency
 * the prompt names without holding a thread per call (responses are sent from a scheduler), and
 * counts calls in flight and calls per prompt.
 */
final class ModelSimulator {

  private final HttpServer server;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger peak = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final Map<String, AtomicInteger> callsPerPrompt = new ConcurrentHashMap<>();

  /** Each prompt starts with its latency: {@code "<millis>|..."}. */
  ModelSimulator() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/v1/chat/completions", this::answerLater);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions";
  }

  void reset() {
    peak.set(0);
    calls.set(0);
    callsPerPrompt.clear();
  }

  private void answerLater(HttpExchange exchange) throws IOException {
    String prompt = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    callsPerPrompt.computeIfAbsent(prompt, p -> new AtomicInteger()).incrementAndGet();
    calls.incrementAndGet();
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    long latencyMillis = Long.parseLong(prompt.substring(0, prompt.indexOf('|')));
    scheduler.schedule(() -> answer(exchange), latencyMillis, TimeUnit.MILLISECONDS);
  }

  private void answer(HttpExchange exchange) {
    byte[] body =
        ("{\"id\":\"sim\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1,\"total_tokens\":11}}")
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      out.write(body);
    } catch (IOException e) {
      // the caller went away; nothing to answer
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  void stop() {
    server.stop(0);
    scheduler.shutdownNow();
  }
}
