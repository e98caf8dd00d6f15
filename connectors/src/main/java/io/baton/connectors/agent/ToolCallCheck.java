package io.baton.connectors.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.StrictJson;
import io.baton.models.ToolCall;
import java.util.List;
import java.util.Optional;

/**
 * Whether a model's tool call may run as it is: the tool is on the agent's allow-list and the
 * arguments fit its input schema. A call that may not is refused with the reason, which the model
 * reads as the call's result; it is never changed into a call that may.
 */
public final class ToolCallCheck {

  private ToolCallCheck() {}

  /** Why the call may not run, or null when it may. */
  public static String refusal(ToolCall call, List<AgentTool> allowed) {
    Optional<AgentTool> tool =
        allowed.stream().filter(t -> t.name().equals(call.name())).findFirst();
    if (tool.isEmpty()) {
      return "refused: tool '%s' is not one this agent may call; it may call %s"
          .formatted(call.name(), allowed.stream().map(AgentTool::name).toList());
    }
    JsonNode arguments;
    try {
      arguments = StrictJson.MAPPER.readTree(call.arguments());
    } catch (JsonProcessingException e) {
      return "refused: the arguments of '%s' are not JSON: %s"
          .formatted(call.name(), e.getOriginalMessage());
    }
    if (arguments == null || !arguments.isObject()) {
      return "refused: the arguments of '%s' must be a JSON object".formatted(call.name());
    }
    List<String> problems = JsonSchemaCheck.problems(arguments, tool.get().inputSchema());
    if (!problems.isEmpty()) {
      return "refused: the arguments of '%s' do not fit its input schema: %s"
          .formatted(call.name(), String.join("; ", problems));
    }
    return null;
  }
}
