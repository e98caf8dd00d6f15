package io.baton.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts a case was routed on (what the customer sent, what the AI answered), recorded by Baton
 * when it routes. A task completion or a REST call can set any process variable, so reviews and
 * later routings check that these still hold, and refuse when someone changed one.
 */
@Component
public class RoutingFacts {

  static final List<String> PROTECTED =
      List.of(
          "message",
          "customerId",
          "amount",
          "taskType",
          "aiModel",
          "intent",
          "confidence",
          "risk",
          "guardVerdict",
          "guardRisk");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  RoutingFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the facts as they are now (after routing set what it derives). */
  public void record(String processInstanceId, VariableScope variables) {
    jdbc.update("DELETE FROM baton_case_facts WHERE process_instance_id = ?", processInstanceId);
    jdbc.update(
        "INSERT INTO baton_case_facts (process_instance_id, facts) VALUES (?, ?)",
        processInstanceId,
        write(snapshot(variables)));
  }

  /** Refuses when a recorded fact no longer holds; a case not routed yet has nothing to check. */
  public void verify(String processInstanceId, VariableScope variables) {
    List<String> recorded =
        jdbc.queryForList(
            "SELECT facts FROM baton_case_facts WHERE process_instance_id = ?",
            String.class,
            processInstanceId);
    if (recorded.isEmpty()) {
      return;
    }
    Map<String, String> then = read(recorded.get(0));
    Map<String, String> now = snapshot(variables);
    for (String name : PROTECTED) {
      if (!Objects.equals(then.get(name), now.get(name))) {
        throw new BadUserRequestException(
            "'%s' was set by Baton when it routed this case and cannot be changed".formatted(name));
      }
    }
  }

  private static Map<String, String> snapshot(VariableScope variables) {
    Map<String, String> facts = new TreeMap<>();
    for (String name : PROTECTED) {
      Object value = variables.getVariable(name);
      facts.put(name, value == null ? null : String.valueOf(value));
    }
    return facts;
  }

  private String write(Map<String, String> facts) {
    try {
      return json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> read(String facts) {
    try {
      return json.readValue(facts, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recorded routing facts are not valid JSON", e);
    }
  }
}
