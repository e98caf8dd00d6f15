package io.baton.connectors.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.agent.Conversation.Kept;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.models.AgentMessage;
import io.baton.models.AgentTurn;
import io.baton.models.Completions;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelTask;
import io.baton.models.StrictJson;
import io.baton.models.ToolCall;
import io.baton.models.ToolSpec;
import io.baton.models.prompts.PromptCatalog;
import io.baton.tracing.GenAiTracing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One turn of a tool-calling agent, on topic {@code baton.agent}. The loop is the diagram's: the
 * agent task, a gateway on {@code agentDone}, a multi-instance call activity over {@code
 * agentToolCalls}, and back. The conversation is kept by {@link AgentConversations}, so a retried
 * turn answers what the first answered instead of asking the model again.
 *
 * <p>Each tool call is checked before it leaves this task: a tool not on the allow-list, or
 * arguments that fail the tool's schema, are refused and the refusal goes back to the model as the
 * call's result; nothing is repaired. Limits end the loop with their own BPMN errors.
 */
@Component
public class AgentFunction implements ConnectorFunction<AgentRequest, AgentResult> {

  public static final String NO_GENERATIVE_MODEL = "NO_GENERATIVE_MODEL";
  public static final String ANSWER_INVALID = "ANSWER_INVALID";
  public static final String MAX_TURNS = "AGENT_MAX_TURNS";
  public static final String MAX_MODEL_CALLS = "AGENT_MAX_MODEL_CALLS";
  public static final String MAX_TOKENS = "AGENT_MAX_TOKENS";
  public static final String MAX_COST = "AGENT_MAX_COST";

  private final ModelRegistry models;
  private final PromptCatalog prompts;
  private final SchemaCatalog schemas;
  private final AgentConversations conversations;
  private final GenAiTracing tracing;

  public AgentFunction(
      ModelRegistry models,
      PromptCatalog prompts,
      SchemaCatalog schemas,
      AgentConversations conversations,
      ObjectProvider<GenAiTracing> tracing) {
    this.models = models;
    this.prompts = prompts;
    this.schemas = schemas;
    this.conversations = conversations;
    this.tracing = tracing.getIfAvailable(() -> GenAiTracing.NOOP);
  }

  @Override
  public String topic() {
    return "baton.agent";
  }

  @Override
  public Class<AgentRequest> inputType() {
    return AgentRequest.class;
  }

  @Override
  public AgentResult apply(AgentRequest request, TaskContext context) {
    return Completions.join(applyAsync(request, context, Completions.CALLER));
  }

  @Override
  public CompletionStage<AgentResult> applyAsync(
      AgentRequest request, TaskContext context, Executor executor) {
    Model model = models.get(request.model());
    if (!model.generative()) {
      throw new ConnectorBpmnError(
          NO_GENERATIVE_MODEL,
          new ModelNotGenerativeException(request.model(), "take the turns of an agent")
              .getMessage());
    }
    String answerSchema =
        request.answerSchemaId() == null ? null : schemas.get(request.answerSchemaId());
    Conversation conversation = opened(request, context);
    int last = conversation.lastTurn();
    if (last > 0) {
      Kept answer = conversation.answer(last).orElseThrow();
      boolean retried = context.activityInstanceId().equals(answer.activityInstanceId());
      if (!conversation.pendingCalls(last).isEmpty()) {
        if (retried) {
          return CompletableFuture.completedFuture(result(conversation, last, request));
        }
        throw new IllegalStateException(
            "turn %d of agent conversation %s still waits for the results of its tool calls"
                    .formatted(last, conversation.id())
                + ": the diagram must run every call of agentToolCalls before the next turn");
      }
      if (answer.message().toolCalls().isEmpty()) {
        if (retried) {
          return CompletableFuture.completedFuture(result(conversation, last, request));
        }
        if (request.message() == null || request.message().isBlank()) {
          throw new IllegalArgumentException(
              "agent conversation %s answered in turn %d already: give the agent a message (input"
                      .formatted(conversation.id(), last)
                  + " 'message') to go on");
        }
      }
    }
    int turn = last + 1;
    checkLimits(request, conversation, turn);
    List<Kept> asked = new ArrayList<>();
    if (last > 0 && conversation.answer(last).orElseThrow().message().toolCalls().isEmpty()) {
      asked.add(
          new Kept(
              turn,
              Conversation.USER_POSITION,
              AgentMessage.user(request.message()),
              context.activityInstanceId()));
    }
    List<AgentMessage> history = new ArrayList<>(conversation.history());
    asked.forEach(kept -> history.add(kept.message()));
    conversations.countModelCall(conversation.id());
    ModelTask.Converse task =
        new ModelTask.Converse(
            conversation.prompt(), history, specs(request.agentTools()), context.callSite());
    // the turn is an invoke_agent span (the agent is the diagram's task), its model call a chat
    // span
    return tracing
        .invokeAgent(
            context.activityId(), conversation.id(), () -> model.converseAsync(task, executor))
        .thenApply(
            answered ->
                keep(request, context, conversation.id(), turn, asked, answered, answerSchema));
  }

  private Conversation opened(AgentRequest request, TaskContext context) {
    String id = context.processInstanceId() + "/" + context.activityId();
    return conversations
        .find(id)
        .orElseGet(
            () -> {
              conversations.open(
                  id,
                  context.processInstanceId(),
                  context.activityId(),
                  prompts
                      .get(request.promptId(), request.promptVersion())
                      .render(request.variables() == null ? Map.of() : request.variables()));
              return conversations.find(id).orElseThrow();
            });
  }

  private static void checkLimits(AgentRequest request, Conversation conversation, int turn) {
    String id = conversation.id();
    if (turn > request.maxTurns()) {
      throw new ConnectorBpmnError(
          MAX_TURNS,
          "agent conversation %s took its %d turns (maxTurns) without a final answer"
              .formatted(id, request.maxTurns()));
    }
    if (conversation.modelCalls() >= request.maxModelCalls()) {
      throw new ConnectorBpmnError(
          MAX_MODEL_CALLS,
          "agent conversation %s made its %d model calls (maxModelCalls) without a final answer"
              .formatted(id, request.maxModelCalls()));
    }
    if (conversation.tokens() >= request.maxTokens()) {
      throw new ConnectorBpmnError(
          MAX_TOKENS,
          "agent conversation %s used %d tokens, its limit is %d (maxTokens)"
              .formatted(id, conversation.tokens(), request.maxTokens()));
    }
    if (request.maxCost() != null && conversation.cost().compareTo(request.maxCost()) >= 0) {
      throw new ConnectorBpmnError(
          MAX_COST,
          "agent conversation %s cost %s, its limit is %s (maxCost)"
              .formatted(
                  id, conversation.cost().toPlainString(), request.maxCost().toPlainString()));
    }
  }

  /** Keeps the turn: the answer, and a refusal as the result of each call that may not run. */
  private AgentResult keep(
      AgentRequest request,
      TaskContext context,
      String conversationId,
      int turn,
      List<Kept> asked,
      AgentTurn answered,
      String answerSchema) {
    String activation = context.activityInstanceId();
    List<Kept> messages = new ArrayList<>(asked);
    messages.add(
        new Kept(
            turn,
            Conversation.ANSWER_POSITION,
            AgentMessage.assistant(answered.text(), answered.toolCalls()),
            activation,
            answered.model()));
    for (int i = 0; i < answered.toolCalls().size(); i++) {
      ToolCall call = answered.toolCalls().get(i);
      String refusal = ToolCallCheck.refusal(call, request.agentTools());
      if (refusal != null) {
        messages.add(
            new Kept(
                turn, Kept.resultPosition(i), AgentMessage.toolResult(call, refusal), activation));
      }
    }
    if (answered.isFinal() && answerSchema != null) {
      List<String> problems = JsonSchemaCheck.problems(answered.text(), answerSchema);
      if (!problems.isEmpty()) {
        throw new ConnectorBpmnError(
            ANSWER_INVALID,
            "the final answer of model '%s' does not fit schema '%s': %s"
                .formatted(answered.model(), request.answerSchemaId(), problems));
      }
    }
    conversations.keepTurn(conversationId, activation, messages, answered.usage(), answered.cost());
    // kept now, or by an activation that answered first: either way the kept turn is the answer
    Conversation kept = conversations.find(conversationId).orElseThrow();
    return result(kept, turn, request);
  }

  /** What the kept turn asks the diagram to do. */
  private AgentResult result(Conversation conversation, int turn, AgentRequest request) {
    Kept answer = conversation.answer(turn).orElseThrow();
    List<ToolCall> calls = answer.message().toolCalls();
    if (calls.isEmpty()) {
      String text = answer.message().text();
      return new AgentResult(
          conversation.id(),
          turn,
          true,
          text,
          request.answerSchemaId() == null ? null : object(text),
          List.of(),
          0,
          answer.model());
    }
    List<Map<String, Object>> accepted = new ArrayList<>();
    for (int i : conversation.pendingCalls(turn)) {
      ToolCall call = calls.get(i);
      AgentTool tool =
          request.agentTools().stream()
              .filter(t -> t.name().equals(call.name()))
              .findFirst()
              .orElseThrow();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", call.id());
      entry.put("name", call.name());
      entry.put("process", tool.process());
      entry.put("arguments", object(call.arguments()));
      entry.put("turn", turn);
      entry.put("index", i);
      accepted.add(entry);
    }
    int refused = calls.size() - accepted.size();
    return new AgentResult(
        conversation.id(), turn, false, null, null, accepted, refused, answer.model());
  }

  private static List<ToolSpec> specs(List<AgentTool> tools) {
    return tools.stream()
        .map(tool -> new ToolSpec(tool.name(), tool.description(), tool.inputSchema()))
        .toList();
  }

  private static Map<String, Object> object(String json) {
    try {
      JsonNode node = StrictJson.MAPPER.readTree(json);
      return StrictJson.MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalStateException("a kept answer is not a JSON object: " + e.getMessage(), e);
    }
  }
}
