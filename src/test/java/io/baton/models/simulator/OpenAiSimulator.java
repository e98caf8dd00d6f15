package io.baton.models.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server on a free loopback port. Rules script the replies
 * (first matching rule wins, then the {@link #otherwise() default}); replies are sent from a
 * scheduler, so latency holds no thread and thousands of calls can be in flight.
 *
 * <pre>{@code
 * try (OpenAiSimulator simulator = new OpenAiSimulator().requireApiKey("test").start()) {
 *   simulator.when(Match.userContains("invoice")).times(1).failWith(500);
 *   simulator.when(Match.userContains("invoice")).forModel("sim-small").reply("INVOICE");
 *   ChatModel model = OpenAiChatModel.builder().baseUrl(simulator.baseUrl()).apiKey("test")...
 * }
 * }</pre>
 */
public final class OpenAiSimulator implements AutoCloseable {

  /** How long a {@link RuleBuilder#timeout()} exchange stays open before it is closed anyway. */
  static final Duration UNANSWERED_FOR = Duration.ofSeconds(60);

  private static final Rule BUILT_IN_DEFAULT =
      new Rule(
          Match.anyRequest(),
          null,
          Rule.UNLIMITED,
          Duration.ZERO,
          new Reply.Completion("simulated reply", null, "stop"));

  private final ObjectMapper json = new ObjectMapper();
  private final Responses responses = new Responses();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  private final Set<HttpExchange> unanswered = ConcurrentHashMap.newKeySet();
  private final ExecutorService handlers = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private volatile Rule fallback = BUILT_IN_DEFAULT;
  private volatile String apiKey;
  private volatile List<String> models = List.of();
  private HttpServer server;

  /** Answer 401 unless the request carries {@code Authorization: Bearer <apiKey>}. */
  public OpenAiSimulator requireApiKey(String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /** The model names {@code GET /v1/models} lists. */
  public OpenAiSimulator models(String... names) {
    this.models = List.of(names);
    return this;
  }

  public OpenAiSimulator start() {
    if (server != null) {
      throw new IllegalStateException("the simulator is already started at " + baseUrl());
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the simulator to a loopback port", e);
    }
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", this::chatCompletion);
    server.createContext("/v1/models", this::listModels);
    server.start();
    return this;
  }

  /** {@code http://127.0.0.1:PORT/v1}, the base URL an OpenAI client is given. */
  public String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("start() the simulator before asking for its URL");
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Scripts a rule; rules are tried in the order they were added. */
  public RuleBuilder when(Match match) {
    return new RuleBuilder(this, rules::add, match);
  }

  /** Replaces the reply for requests no rule answers (built in: the text "simulated reply"). */
  public RuleBuilder otherwise() {
    return new RuleBuilder(this, rule -> fallback = rule, Match.anyRequest());
  }

  /** Every chat-completions request received, in order of arrival, also those refused. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public List<RecordedRequest> requestsFor(String model) {
    return requests.stream().filter(r -> r.model().equals(model)).toList();
  }

  /** Chat-completions requests received and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /** The most requests in flight at once since the start or the last {@link #reset()}. */
  public int peakInFlight() {
    return peakInFlight.get();
  }

  /** Forgets the rules, the default, the recorded requests and the peak; keeps running. */
  public void reset() {
    rules.clear();
    fallback = BUILT_IN_DEFAULT;
    requests.clear();
    peakInFlight.set(inFlight.get());
  }

  @Override
  public void close() {
    unanswered.removeIf(
        exchange -> {
          exchange.close();
          return true;
        });
    if (server != null) {
      server.stop(0);
    }
    scheduler.shutdownNow();
    handlers.shutdownNow();
  }

  private void chatCompletion(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      send(exchange, 405, responses.error("Use POST.", "invalid_request_error", null));
      return;
    }
    RecordedRequest request;
    try {
      request = RecordedRequest.of(json.readTree(exchange.getRequestBody()), Instant.now());
    } catch (JsonProcessingException e) {
      send(exchange, 400, responses.error("The body is not JSON.", "invalid_request_error", null));
      return;
    }
    requests.add(request);
    if (apiKey != null
        && !("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(
          exchange,
          401,
          responses.error(
              "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
      return;
    }
    Rule rule = choose(request);
    if (rule.reply() instanceof Reply.NoAnswer) {
      leaveUnanswered(exchange);
      return;
    }
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    scheduler.schedule(
        () -> {
          try {
            answer(exchange, rule.reply(), request);
          } finally {
            inFlight.decrementAndGet();
          }
        },
        rule.latency().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private Rule choose(RecordedRequest request) {
    for (Rule rule : rules) {
      if (rule.claim(request)) {
        return rule;
      }
    }
    Rule byDefault = fallback;
    return byDefault.claim(request) ? byDefault : BUILT_IN_DEFAULT;
  }

  private void answer(HttpExchange exchange, Reply reply, RecordedRequest request) {
    if (reply instanceof Reply.Completion completion && request.streamed()) {
      stream(exchange, responses.completionEvents(completion, request));
    } else if (reply instanceof Reply.Completion completion) {
      send(exchange, 200, responses.completion(completion, request));
    } else if (reply instanceof Reply.Failure failure) {
      if (failure.status() == 429 || failure.status() == 503) {
        exchange
            .getResponseHeaders()
            .set("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
      }
      send(exchange, failure.status(), responses.failure(failure, request.model()));
    } else if (reply instanceof Reply.MalformedBody) {
      send(exchange, 200, Responses.MALFORMED);
    }
  }

  private void leaveUnanswered(HttpExchange exchange) {
    unanswered.add(exchange);
    scheduler.schedule(
        () -> {
          if (unanswered.remove(exchange)) {
            exchange.close();
          }
        },
        UNANSWERED_FOR.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void listModels(HttpExchange exchange) {
    send(exchange, 200, responses.models(models));
  }

  /** Sends server-sent events, each {@code data: <json>}, then {@code data: [DONE]}. */
  private static void stream(HttpExchange exchange, List<byte[]> events) {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      var body = exchange.getResponseBody();
      for (byte[] event : events) {
        body.write("data: ".getBytes(StandardCharsets.UTF_8));
        body.write(event);
        body.write("\n\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the client has gone away; there is nobody left to answer
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) {
    try {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      // the client has gone away; there is nobody left to answer
    } finally {
      exchange.close();
    }
  }
}
