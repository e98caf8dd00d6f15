package io.baton.models.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The bodies OpenAI sends: completions (whole or streamed), errors and the model list. */
final class Responses {

  static final byte[] MALFORMED =
      "<html><body><h1>Gateway login</h1><p>Please sign in to continue.</p></body></html>"
          .getBytes(StandardCharsets.UTF_8);

  /** Characters of content per streamed chunk. */
  private static final int CHUNK = 16;

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();

  byte[] completion(Reply.Completion reply, RecordedRequest request) {
    long id = ids.incrementAndGet();
    ObjectNode body = json.createObjectNode();
    body.put("id", "chatcmpl-sim-" + id);
    body.put("object", "chat.completion");
    body.put("created", Instant.now().getEpochSecond());
    body.put("model", request.model());
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", reply.content());
    if (!reply.toolCalls().isEmpty()) {
      var calls = message.putArray("tool_calls");
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        ObjectNode call = calls.addObject();
        call.put("id", "call_sim_" + id + "_" + i);
        call.put("type", "function");
        call.putObject("function")
            .put("name", reply.toolCalls().get(i).name())
            .put("arguments", reply.toolCalls().get(i).arguments());
      }
    }
    choice.put("finish_reason", reply.finishReason());
    body.set("usage", usage(reply, request));
    return bytes(body);
  }

  /**
   * The same completion as {@code chat.completion.chunk} events, the way OpenAI streams it: the
   * role, the content in pieces, the tool call, the finish reason, and the usage last (clients ask
   * for it with {@code stream_options.include_usage}).
   */
  List<byte[]> completionEvents(Reply.Completion reply, RecordedRequest request) {
    String id = "chatcmpl-sim-" + ids.incrementAndGet();
    List<byte[]> events = new ArrayList<>();
    events.add(
        chunk(id, request, null, delta -> delta.put("role", "assistant").put("content", "")));
    String content = reply.content() == null ? "" : reply.content();
    for (int at = 0; at < content.length(); at += CHUNK) {
      String piece = content.substring(at, Math.min(content.length(), at + CHUNK));
      events.add(chunk(id, request, null, delta -> delta.put("content", piece)));
    }
    for (int i = 0; i < reply.toolCalls().size(); i++) {
      int index = i;
      Reply.ToolCall toolCall = reply.toolCalls().get(i);
      events.add(
          chunk(
              id,
              request,
              null,
              delta -> {
                ObjectNode call = delta.putArray("tool_calls").addObject();
                call.put("index", index)
                    .put("id", "call_sim_" + id + "_" + index)
                    .put("type", "function");
                call.putObject("function")
                    .put("name", toolCall.name())
                    .put("arguments", toolCall.arguments());
              }));
    }
    events.add(chunk(id, request, reply.finishReason(), delta -> {}));
    if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
      ObjectNode last = chunkBody(id, request);
      last.putArray("choices");
      last.set("usage", usage(reply, request));
      events.add(bytes(last));
    }
    return events;
  }

  private byte[] chunk(
      String id, RecordedRequest request, String finishReason, Consumer<ObjectNode> delta) {
    ObjectNode body = chunkBody(id, request);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    delta.accept(choice.putObject("delta"));
    choice.put("finish_reason", finishReason);
    return bytes(body);
  }

  private ObjectNode chunkBody(String id, RecordedRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("id", id);
    body.put("object", "chat.completion.chunk");
    body.put("created", Instant.now().getEpochSecond());
    body.put("model", request.model());
    return body;
  }

  private ObjectNode usage(Reply.Completion reply, RecordedRequest request) {
    int promptTokens =
        tokens(request.messages().stream().mapToInt(m -> m.content().length()).sum());
    int completionTokens = tokens(completionLength(reply));
    return json.createObjectNode()
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
  }

  byte[] failure(Reply.Failure failure, String model) {
    return switch (failure.status()) {
      case 429 ->
          error(
              "Rate limit reached for requests on model "
                  + model
                  + ". Please try again in "
                  + failure.retryAfter().toSeconds()
                  + "s.",
              "requests",
              "rate_limit_exceeded");
      case 500 ->
          error(
              "The server had an error while processing your request. Sorry about that!",
              "server_error",
              null);
      case 503 ->
          error(
              "The engine is currently overloaded, please try again later.", "server_error", null);
      default ->
          error(
              "Simulated failure with HTTP status " + failure.status() + ".",
              failure.status() >= 500 ? "server_error" : "invalid_request_error",
              null);
    };
  }

  byte[] error(String message, String type, String code) {
    ObjectNode body = json.createObjectNode();
    body.putObject("error")
        .put("message", message)
        .put("type", type)
        .putNull("param")
        .put("code", code);
    return bytes(body);
  }

  byte[] models(List<String> names) {
    ObjectNode body = json.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    for (String name : names) {
      data.addObject()
          .put("id", name)
          .put("object", "model")
          .put("created", 0)
          .put("owned_by", "baton-simulator");
    }
    return bytes(body);
  }

  /** A deterministic estimate: one token per four characters, at least one. */
  private static int tokens(int characters) {
    return Math.max(1, (characters + 3) / 4);
  }

  private static int completionLength(Reply.Completion reply) {
    int content = reply.content() == null ? 0 : reply.content().length();
    int calls =
        reply.toolCalls().stream()
            .mapToInt(call -> call.name().length() + call.arguments().length())
            .sum();
    return content + calls;
  }

  private byte[] bytes(ObjectNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
