package io.baton.models.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat-completions request as the simulator received it.
 *
 * @param responseFormat {@code text}, {@code json_object} or {@code json_schema}
 * @param tools names of the functions offered to the model
 * @param body the whole request, for assertions the other fields do not cover
 */
public record RecordedRequest(
    String model,
    List<Message> messages,
    String responseFormat,
    List<String> tools,
    Instant receivedAt,
    JsonNode body) {

  /** A message's role ({@code system}, {@code user}, {@code assistant}, {@code tool}) and text. */
  public record Message(String role, String content) {}

  static RecordedRequest of(JsonNode body, Instant receivedAt) {
    List<Message> messages = new ArrayList<>();
    body.path("messages")
        .forEach(m -> messages.add(new Message(m.path("role").asText(), text(m.path("content")))));
    List<String> tools = new ArrayList<>();
    body.path("tools").forEach(t -> tools.add(t.path("function").path("name").asText()));
    return new RecordedRequest(
        body.path("model").asText(),
        List.copyOf(messages),
        body.path("response_format").path("type").asText("text"),
        List.copyOf(tools),
        receivedAt,
        body);
  }

  /** Whether the client asked for the answer as server-sent events ({@code "stream": true}). */
  public boolean streamed() {
    return body.path("stream").asBoolean(false);
  }

  public boolean hasTools() {
    return !tools.isEmpty();
  }

  /** The content of the last user message, or "" when there is none. */
  public String lastUserMessage() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) {
        return messages.get(i).content();
      }
    }
    return "";
  }

  /** The content of the last message of any role, or "" when there is none. */
  public String lastMessage() {
    return messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
  }

  /** Content is a string, or an array of parts of which the text parts count. */
  private static String text(JsonNode content) {
    if (!content.isArray()) {
      return content.isNull() || content.isMissingNode() ? "" : content.asText();
    }
    List<String> parts = new ArrayList<>();
    content.forEach(p -> parts.add(p.path("text").asText()));
    return String.join("\n", parts);
  }
}
