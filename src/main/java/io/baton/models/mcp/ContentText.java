package io.baton.models.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.mcp.client.McpToolResultExtractor;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The text of a tool result's content: text items joined by new lines, a text resource by its text,
 * and any other item (an image, audio, a binary resource) by a placeholder that says what it was.
 * The client's default extractor fails on anything but text, which for a tool that already acted
 * would turn a done effect into a failure.
 */
final class ContentText implements McpToolResultExtractor {

  @Override
  public ToolExecutionResult extract(JsonNode content, boolean isError) {
    String text =
        StreamSupport.stream(content.spliterator(), false)
            .map(ContentText::text)
            .collect(Collectors.joining("\n"));
    return ToolExecutionResult.builder().isError(isError).resultText(text).build();
  }

  private static String text(JsonNode item) {
    String type = item.path("type").asText("unknown");
    if (type.equals("text")) {
      return item.path("text").asText();
    }
    JsonNode resource = item.path("resource");
    if (type.equals("resource") && resource.path("text").isTextual()) {
      return resource.path("text").asText();
    }
    String mimeType = item.path("mimeType").asText(resource.path("mimeType").asText(""));
    String uri = item.path("uri").asText(resource.path("uri").asText(""));
    return "[%s content%s%s]"
        .formatted(type, mimeType.isEmpty() ? "" : " " + mimeType, uri.isEmpty() ? "" : " " + uri);
  }
}
