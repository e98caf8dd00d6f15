package io.baton.connectors.agent;

import io.baton.connectors.ProcessVariables;
import io.baton.connectors.SetByEngine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Input of the {@code agent} connector: one turn of an agent whose loop is drawn in BPMN.
 *
 * @param model the named model to ask; it must be generative and able to call tools
 * @param promptId the agent's opening prompt in {@code processes/prompts/} (its instructions in the
 *     system part, its goal in the user part), rendered once, when the conversation opens
 * @param promptVersion the template's version; the latest when not given
 * @param agentTools the tools on the agent's allow-list ({@code baton.agent.tools} in the diagram),
 *     which the engine resolves when the task starts; the model is told of these and no others
 * @param message a further message for an agent that answered before (a critic's comments for a
 *     writer); used only then
 * @param maxTurns the most turns the conversation may take
 * @param maxModelCalls the most model calls, failed ones included
 * @param maxTokens the most tokens, input and output together
 * @param maxCost the most the conversation may cost; no cap when not given
 * @param answerSchemaId a JSON schema in {@code processes/schemas/} the final answer must fit
 * @param variables the process variables, which fill the opening prompt's placeholders
 */
public record AgentRequest(
    @NotBlank String model,
    @NotBlank String promptId,
    @Min(1) Integer promptVersion,
    @SetByEngine @NotNull @Size(max = 64) List<@Valid AgentTool> agentTools,
    @Size(max = 20_000) String message,
    @Min(1) @Max(100) Integer maxTurns,
    @Min(1) @Max(200) Integer maxModelCalls,
    @Min(1) Long maxTokens,
    @DecimalMin("0") BigDecimal maxCost,
    String answerSchemaId,
    @ProcessVariables Map<String, Object> variables) {

  public static final int DEFAULT_MAX_TURNS = 8;
  public static final int DEFAULT_MAX_MODEL_CALLS = 12;
  public static final long DEFAULT_MAX_TOKENS = 60_000;

  public AgentRequest {
    maxTurns = maxTurns == null ? DEFAULT_MAX_TURNS : maxTurns;
    maxModelCalls = maxModelCalls == null ? DEFAULT_MAX_MODEL_CALLS : maxModelCalls;
    maxTokens = maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens;
  }
}
