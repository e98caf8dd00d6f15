package io.baton.connectors.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorIncident;
import io.baton.connectors.RetryLaterException;
import io.baton.connectors.ToolConnector;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.mcp.McpProperties;
import io.baton.models.mcp.McpServer;
import io.baton.models.mcp.McpServers;
import io.baton.models.mcp.McpUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Calls a tool of a configured MCP server on topic {@code baton.mcp-call}, once per task under the
 * effect ledger (the idempotency key goes to the server as {@code _meta} {@value
 * McpServer#IDEMPOTENCY_KEY_META}). The arguments are checked against the tool's input schema
 * first: arguments that do not fit raise {@value #MCP_INVALID_ARGUMENTS} and the server never sees
 * them. A tool that answers with an error (or a server that refuses the call) raises {@value
 * #MCP_TOOL_ERROR} with the server's message; a server that does not answer is retried with
 * backoff; a server that is not configured or a tool it does not offer is an incident.
 */
@Component
public class McpCallFunction implements ToolConnector<McpCallRequest, McpCallResult> {

  /** The tool answered with an error, or the server refused the call. */
  public static final String MCP_TOOL_ERROR = "MCP_TOOL_ERROR";

  /** The arguments do not fit the tool's input schema; the tool was not called. */
  public static final String MCP_INVALID_ARGUMENTS = "MCP_INVALID_ARGUMENTS";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final McpServers servers;

  public McpCallFunction(McpServers servers) {
    this.servers = servers;
  }

  @Override
  public String topic() {
    return "baton.mcp-call";
  }

  @Override
  public Class<McpCallRequest> inputType() {
    return McpCallRequest.class;
  }

  @Override
  public McpCallResult act(McpCallRequest input, String idempotencyKey) {
    McpServer server =
        servers
            .server(input.server())
            .orElseThrow(
                () ->
                    new ConnectorIncident(
                        "MCP server '%s' is not configured: set %s (configured: %s)"
                            .formatted(
                                input.server(),
                                McpProperties.setting(input.server(), "url"),
                                servers.names())));
    try {
      McpServer.Tool tool = tool(server, input.toolName());
      List<String> problems = problems(input, tool);
      if (!problems.isEmpty()) {
        String message =
            "arguments of %s do not fit its input schema: %s"
                .formatted(input.tool(), String.join("; ", problems));
        throw new ConnectorBpmnError(MCP_INVALID_ARGUMENTS, message, errorVariables(message));
      }
      McpServer.Answer answer =
          server.call(input.toolName(), json(input.arguments()), idempotencyKey);
      if (answer.isError()) {
        throw new ConnectorBpmnError(
            MCP_TOOL_ERROR,
            "%s answered with an error: %s".formatted(input.tool(), answer.text()),
            errorVariables(answer.text()));
      }
      return new McpCallResult(answer.text(), false);
    } catch (McpUnavailableException e) {
      throw new RetryLaterException(e.getMessage(), null);
    }
  }

  private static McpServer.Tool tool(McpServer server, String name) {
    List<McpServer.Tool> tools = server.tools();
    return tools.stream()
        .filter(tool -> tool.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ConnectorIncident(
                    "MCP server '%s' offers no tool '%s'; it offers %s"
                        .formatted(
                            server.name(),
                            name,
                            tools.stream().map(McpServer.Tool::name).toList())));
  }

  private static List<String> problems(McpCallRequest input, McpServer.Tool tool) {
    try {
      return JsonSchemaCheck.problems(JSON.valueToTree(input.arguments()), tool.inputSchema());
    } catch (IllegalArgumentException e) {
      throw new ConnectorIncident(
          "MCP server '%s' gives %s an input schema Baton cannot check arguments against: %s"
              .formatted(input.server(), input.tool(), e.getMessage()),
          e);
    }
  }

  /** The variables an error sets, so the path that catches it reads them as a result. */
  private static Map<String, Object> errorVariables(String message) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("result", message);
    variables.put("isError", true);
    return variables;
  }

  private static String json(Map<String, Object> arguments) {
    try {
      return JSON.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      throw new ConnectorIncident("mcp-call: the arguments cannot be written as JSON", e);
    }
  }
}
