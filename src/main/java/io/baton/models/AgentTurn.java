package io.baton.models;

import java.math.BigDecimal;
import java.util.List;

/**
 * A model's answer in one turn of an agent conversation: tool calls to make, or (when there are
 * none) its final text.
 *
 * @param cost what the call cost at the answering model's prices
 */
public record AgentTurn(
    String text,
    List<ToolCall> toolCalls,
    String model,
    Usage usage,
    PromptRef prompt,
    BigDecimal cost) {

  public AgentTurn {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    cost = cost == null ? BigDecimal.ZERO : cost;
  }

  public AgentTurn costing(BigDecimal cost) {
    return new AgentTurn(text, toolCalls, model, usage, prompt, cost);
  }

  public boolean isFinal() {
    return toolCalls.isEmpty();
  }
}
