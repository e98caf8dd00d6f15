package io.baton.connectors.agent;

import java.util.List;
import java.util.Map;

/**
 * Output of the {@code agent} connector: the pointer to the conversation, and what the turn asks
 * the diagram to do next (end with the answer, or run the tool calls and come back).
 *
 * @param agentConversation the id of the conversation, kept outside the process variables
 * @param agentTurn the number of the turn that answered
 * @param agentDone whether the answer is final
 * @param agentAnswer the final answer as text; null while tools are called
 * @param agentAnswerJson the final answer as an object, when a schema asks for one
 * @param agentToolCalls the accepted tool calls of the turn, one per instance of the diagram's
 *     multi-instance tool call: {@code id}, {@code name}, {@code process} (the process that runs
 *     it), {@code arguments}, {@code turn} and {@code index}
 * @param agentRefusedCalls how many of the turn's tool calls were refused (not on the allow-list or
 *     with arguments that fail the tool's schema); the model reads why in its next turn
 * @param agentModel the named model that answered
 */
public record AgentResult(
    String agentConversation,
    int agentTurn,
    boolean agentDone,
    String agentAnswer,
    Map<String, Object> agentAnswerJson,
    List<Map<String, Object>> agentToolCalls,
    int agentRefusedCalls,
    String agentModel) {}
