package io.baton.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baton.connectors.ActionDigest;
import io.baton.connectors.agent.AgentTool;
import io.baton.connectors.agent.Conversation.Kept;
import io.baton.connectors.agent.ToolCallCheck;
import io.baton.governance.ElementProperties;
import io.baton.models.AgentMessage;
import io.baton.models.StrictJson;
import io.baton.models.ToolCall;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The engine's side of one tool call of an agent loop: the variable mapping of the loop's call
 * activity ({@code camunda:variableMappingDelegateExpression="${agentToolCall}"}, over {@code
 * toolCall}, an element of {@code agentToolCalls}).
 *
 * <p>Before the tool's process starts, the call is checked again where the model cannot reach: the
 * tool must be on the allow-list of the agent that asked for it, the process must be the tool's,
 * and the arguments must fit its schema; anything else stops the call with an incident. The
 * arguments become the tool process's variables. When the process ends, its result variables
 * ({@code baton.tool.result}) go into the conversation as the call's result, once.
 */
@Component("agentToolCall")
public class AgentToolCall implements DelegateVariableMapping {

  static final String ELEMENT = "toolCall";
  static final String CONVERSATION = "agentConversation";

  private final AgentToolCatalog catalog;
  private final ToolProcesses toolProcesses;
  private final JdbcAgentConversations conversations;

  AgentToolCall(
      AgentToolCatalog catalog, ToolProcesses toolProcesses, JdbcAgentConversations conversations) {
    this.catalog = catalog;
    this.toolProcesses = toolProcesses;
    this.conversations = conversations;
  }

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    Call call = call(superExecution);
    AgentTool tool = checked(superExecution, call);
    JsonNode arguments = ActionDigest.readJson(call.toolCall().arguments());
    if (tool.kind() == AgentTool.Kind.MCP) {
      subVariables.put("tool", tool.target());
      subVariables.put("arguments", call.toolCall().arguments());
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> argument = it.next();
        subVariables.put(argument.getKey(), variable(argument.getValue()));
      }
    }
    subVariables.put("toolName", tool.name());
    subVariables.put("toolNeedsApproval", tool.needsApproval());
    subVariables.put("toolArguments", SpinValues.jsonValue(arguments.toString()).create());
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    Call call = call(superExecution);
    ObjectNode result = StrictJson.MAPPER.createObjectNode();
    List<String> names =
        call.process().equals(AgentTool.MCP_CALL_PROCESS)
            ? List.of("result", "isError", "reviewDecision")
            : toolProcesses.resultVariables(call.process());
    for (String name : names) {
      result.set(name, json(subInstance.getVariable(name)));
    }
    conversations.keepToolResult(
        call.conversationId(),
        new Kept(
            call.turn(),
            Kept.resultPosition(call.index()),
            AgentMessage.toolResult(call.toolCall(), result.toString()),
            superExecution.getActivityInstanceId()));
  }

  /** The tool of the call, after checking that this agent may call it with these arguments. */
  private AgentTool checked(DelegateExecution superExecution, Call call) {
    String prefix = superExecution.getProcessInstanceId() + "/";
    if (!call.conversationId().startsWith(prefix)) {
      throw new IllegalStateException(
          "tool call %s names conversation %s, which is not of this case"
              .formatted(call.toolCall().id(), call.conversationId()));
    }
    String agent = call.conversationId().substring(prefix.length());
    ModelElementInstance element = superExecution.getBpmnModelInstance().getModelElementById(agent);
    List<String> allowed = ElementProperties.of(element).list(AgentAllowList.TOOLS);
    if (!allowed.contains(call.toolCall().name())) {
      throw new IllegalStateException(
          "agent '%s' may not call tool '%s' (it may call %s): the call was not run"
              .formatted(agent, call.toolCall().name(), allowed));
    }
    AgentTool tool = catalog.resolve(List.of(call.toolCall().name()), agent).get(0);
    if (!tool.process().equals(call.process())) {
      throw new IllegalStateException(
          "tool call %s of '%s' would run process '%s', but the tool runs in '%s': not run"
              .formatted(call.toolCall().id(), tool.name(), call.process(), tool.process()));
    }
    String refusal = ToolCallCheck.refusal(call.toolCall(), List.of(tool));
    if (refusal != null) {
      throw new IllegalStateException("tool call %s: %s".formatted(call.toolCall().id(), refusal));
    }
    return tool;
  }

  private static Call call(DelegateExecution execution) {
    JsonNode element = plain(execution.getVariable(ELEMENT));
    Object conversation = execution.getVariable(CONVERSATION);
    if (element == null || !element.isObject() || conversation == null) {
      throw new IllegalStateException(
          "an agent's tool call activity needs %s (an element of agentToolCalls) and %s"
              .formatted(ELEMENT, CONVERSATION));
    }
    return new Call(
        conversation.toString(),
        new ToolCall(
            element.path("id").asText(),
            element.path("name").asText(),
            element.path("arguments").toString()),
        element.path("process").asText(),
        element.path("turn").asInt(),
        element.path("index").asInt());
  }

  private record Call(
      String conversationId, ToolCall toolCall, String process, int turn, int index) {}

  private static Object variable(JsonNode value) {
    if (value.isObject() || value.isArray()) {
      return SpinValues.jsonValue(value.toString()).create();
    }
    return StrictJson.MAPPER.convertValue(value, Object.class);
  }

  private static JsonNode json(Object value) {
    JsonNode plain = plain(value);
    return plain != null ? plain : StrictJson.MAPPER.valueToTree(value);
  }

  private static JsonNode plain(Object value) {
    if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    if (value instanceof SpinJsonNode spin) {
      return ActionDigest.readJson(spin.toString());
    }
    return value instanceof JsonNode node ? node : null;
  }
}
