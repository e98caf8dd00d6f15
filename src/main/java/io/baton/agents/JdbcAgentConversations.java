package io.baton.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.baton.connectors.agent.AgentConversations;
import io.baton.connectors.agent.Conversation;
import io.baton.connectors.agent.Conversation.Kept;
import io.baton.models.AgentMessage;
import io.baton.models.PromptRef;
import io.baton.models.RenderedPrompt;
import io.baton.models.StrictJson;
import io.baton.models.ToolCall;
import io.baton.models.Usage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Agent conversations in {@code baton_agent_conversation} and {@code baton_agent_message}. */
@Component
public class JdbcAgentConversations implements AgentConversations {

  private static final TypeReference<List<ToolCall>> TOOL_CALLS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;

  JdbcAgentConversations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Conversation> find(String conversationId) {
    List<Conversation> found =
        jdbc.query(
            "SELECT conversation_id, model_calls, input_tokens, output_tokens, cost, prompt_id,"
                + " prompt_version, prompt_sha256, system_text, user_text"
                + " FROM baton_agent_conversation WHERE conversation_id = ?",
            (rs, row) ->
                new Conversation(
                    rs.getString("conversation_id"),
                    new RenderedPrompt(
                        new PromptRef(
                            rs.getString("prompt_id"),
                            rs.getInt("prompt_version"),
                            rs.getString("prompt_sha256")),
                        rs.getString("system_text"),
                        rs.getString("user_text"),
                        false),
                    messages(conversationId),
                    rs.getInt("model_calls"),
                    rs.getLong("input_tokens"),
                    rs.getLong("output_tokens"),
                    rs.getBigDecimal("cost")),
            conversationId);
    return found.stream().findFirst();
  }

  private List<Kept> messages(String conversationId) {
    return jdbc.query(
        "SELECT turn, position, role, content, tool_calls, tool_call_id, tool_name, model,"
            + " activity_instance_id FROM baton_agent_message WHERE conversation_id = ?"
            + " ORDER BY turn, position",
        (rs, row) -> kept(rs),
        conversationId);
  }

  private static Kept kept(ResultSet rs) throws SQLException {
    String calls = rs.getString("tool_calls");
    AgentMessage message =
        new AgentMessage(
            AgentMessage.Role.valueOf(rs.getString("role")),
            rs.getString("content"),
            calls == null ? List.of() : read(calls),
            rs.getString("tool_call_id"),
            rs.getString("tool_name"));
    return new Kept(
        rs.getInt("turn"),
        rs.getInt("position"),
        message,
        rs.getString("activity_instance_id"),
        rs.getString("model"));
  }

  @Override
  @Transactional
  public void open(
      String conversationId, String processInstanceId, String activityId, RenderedPrompt prompt) {
    try {
      jdbc.update(
          "INSERT INTO baton_agent_conversation (conversation_id, process_instance_id,"
              + " activity_id, model_calls, input_tokens, output_tokens, cost, prompt_id,"
              + " prompt_version, prompt_sha256, system_text, user_text, started_at)"
              + " VALUES (?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?)",
          conversationId,
          processInstanceId,
          activityId,
          prompt.ref().id(),
          prompt.ref().version(),
          prompt.ref().sha256(),
          prompt.system(),
          prompt.user(),
          Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException openedBefore) {
      // a retried or racing activation opened it: its opening prompt stands
    }
  }

  @Override
  @Transactional
  public void countModelCall(String conversationId) {
    jdbc.update(
        "UPDATE baton_agent_conversation SET model_calls = model_calls + 1"
            + " WHERE conversation_id = ?",
        conversationId);
  }

  @Override
  @Transactional
  public boolean keepTurn(
      String conversationId,
      String activityInstanceId,
      List<Kept> messages,
      Usage usage,
      BigDecimal cost) {
    // the row lock orders racing activations: the second finds the answer kept and adds nothing
    jdbc.queryForObject(
        "SELECT conversation_id FROM baton_agent_conversation WHERE conversation_id = ? FOR UPDATE",
        String.class,
        conversationId);
    Kept answer =
        messages.stream()
            .filter(m -> m.position() == Conversation.ANSWER_POSITION)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("a turn needs the model's answer"));
    Integer kept =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM baton_agent_message WHERE conversation_id = ? AND turn = ?"
                + " AND position = ?",
            Integer.class,
            conversationId,
            answer.turn(),
            Conversation.ANSWER_POSITION);
    if (kept != null && kept > 0) {
      return false;
    }
    for (Kept message : messages) {
      insert(conversationId, message);
    }
    jdbc.update(
        "UPDATE baton_agent_conversation SET input_tokens = input_tokens + ?,"
            + " output_tokens = output_tokens + ?, cost = cost + ? WHERE conversation_id = ?",
        usage.inputTokens(),
        usage.outputTokens(),
        cost,
        conversationId);
    return true;
  }

  /**
   * Keeps the result of a tool call at its place in the turn that made it.
   *
   * @return false when that result was kept before
   */
  @Transactional
  public boolean keepToolResult(String conversationId, Kept result) {
    try {
      insert(conversationId, result);
      return true;
    } catch (DuplicateKeyException keptBefore) {
      return false;
    }
  }

  private void insert(String conversationId, Kept message) {
    AgentMessage m = message.message();
    jdbc.update(
        "INSERT INTO baton_agent_message (conversation_id, turn, position, role, content,"
            + " tool_calls, tool_call_id, tool_name, model, activity_instance_id, written_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        conversationId,
        message.turn(),
        message.position(),
        m.role().name(),
        m.text(),
        m.toolCalls().isEmpty() ? null : write(m.toolCalls()),
        m.toolCallId(),
        m.toolName(),
        message.model(),
        message.activityInstanceId(),
        Timestamp.from(Instant.now()));
  }

  private static String write(List<ToolCall> calls) {
    try {
      return StrictJson.MAPPER.writeValueAsString(calls);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write tool calls as JSON", e);
    }
  }

  private static List<ToolCall> read(String calls) {
    try {
      return StrictJson.MAPPER.readValue(calls, TOOL_CALLS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("kept tool calls are not JSON: " + e.getMessage(), e);
    }
  }
}
