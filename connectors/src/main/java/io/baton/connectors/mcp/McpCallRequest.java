package io.baton.connectors.mcp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.baton.connectors.JsonTextOrValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Input of the {@code mcp-call} tool.
 *
 * @param tool the tool as {@code <server>/<tool>}, such as {@code shop/issue_refund}: a server
 *     configured under {@code baton.mcp.servers} and a tool it offers
 * @param arguments the tool's arguments, a JSON object (JSON text is read as JSON); checked against
 *     the tool's input schema before the server sees them
 */
public record McpCallRequest(
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TOOL, message = "must be <server>/<tool>, such as shop/issue_refund")
        String tool,
    @JsonDeserialize(using = JsonTextOrValue.class) Map<String, Object> arguments) {

  static final String TOOL = "[A-Za-z0-9-]+/[^/\\s]+";

  public McpCallRequest {
    arguments = arguments == null ? Map.of() : arguments;
  }

  String server() {
    return tool.substring(0, tool.indexOf('/'));
  }

  String toolName() {
    return tool.substring(tool.indexOf('/') + 1);
  }
}
