package io.baton.models.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import io.baton.models.AgentMessage;
import io.baton.models.StrictJson;
import io.baton.models.ToolCall;
import io.baton.models.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Agent conversations in langchain4j's terms: tools as specifications, turns as messages. */
final class AgentTools {

  private AgentTools() {}

  /**
   * The tool as the provider is told of it: its schema must describe a JSON object, whose
   * properties go to the provider as they are written.
   */
  static ToolSpecification specification(ToolSpec tool) {
    JsonNode schema;
    try {
      schema = StrictJson.MAPPER.readTree(tool.parametersSchema());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the input schema of tool '%s' is not JSON: %s"
              .formatted(tool.name(), e.getOriginalMessage()));
    }
    if (schema == null || !"object".equals(schema.path("type").asText())) {
      throw new IllegalArgumentException(
          "the input schema of tool '%s' must describe a JSON object (\"type\": \"object\")"
              .formatted(tool.name()));
    }
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            property ->
                parameters.addProperty(
                    property.getKey(), JsonRawSchema.from(property.getValue().toString())));
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    parameters.required(required);
    if (schema.has("additionalProperties")) {
      parameters.additionalProperties(schema.path("additionalProperties").asBoolean(true));
    }
    return ToolSpecification.builder()
        .name(tool.name())
        .description(tool.description())
        .parameters(parameters.build())
        .build();
  }

  /** A message of the conversation, its text passed through {@code outbound} on its way out. */
  static ChatMessage chatMessage(AgentMessage message, UnaryOperator<String> outbound) {
    return switch (message.role()) {
      case USER -> UserMessage.from(outbound.apply(message.text()));
      case ASSISTANT ->
          message.toolCalls().isEmpty()
              ? AiMessage.from(outbound.apply(message.text()))
              : AiMessage.from(
                  message.text() == null ? null : outbound.apply(message.text()),
                  message.toolCalls().stream().map(call -> request(call, outbound)).toList());
      case TOOL_RESULT ->
          ToolExecutionResultMessage.from(
              message.toolCallId(), message.toolName(), outbound.apply(message.text()));
    };
  }

  private static ToolExecutionRequest request(ToolCall call, UnaryOperator<String> outbound) {
    return ToolExecutionRequest.builder()
        .id(call.id())
        .name(call.name())
        .arguments(outbound.apply(call.arguments()))
        .build();
  }

  /** The UTF-8 bytes of a message's text and tool calls, which bound its tokens. */
  static long bytes(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return bytes(system.text());
    }
    if (message instanceof UserMessage user) {
      return bytes(user.singleText());
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return bytes(result.text()) + bytes(result.toolName()) + bytes(result.id());
    }
    AiMessage ai = (AiMessage) message;
    long bytes = bytes(ai.text());
    if (ai.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        bytes += bytes(call.id()) + bytes(call.name()) + bytes(call.arguments());
      }
    }
    return bytes;
  }

  static long bytes(ToolSpec tool) {
    return bytes(tool.name()) + bytes(tool.description()) + bytes(tool.parametersSchema());
  }

  private static long bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
