package io.baton.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ActionDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts a case was routed on, locked by Baton when it routes: the variables the routing task
 * names ({@code baton.facts}) and every variable its decision reads. A task completion or a REST
 * call can set any process variable, so reviews and later routings check that these still hold, and
 * refuse when someone changed one. Only Baton's own steps change a fact (a reviewer's correction,
 * applied by the review), and they record the facts again when they do.
 */
@Component
public class RoutingFacts {

  /** Facts are kept as digests of their values: enough to see a change, without a copy. */
  private static final String DIGEST = "sha256:";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  RoutingFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the named facts as they are now (after routing set what it derives). */
  public void record(String processInstanceId, Collection<String> names, VariableScope variables) {
    jdbc.update("DELETE FROM baton_case_facts WHERE process_instance_id = ?", processInstanceId);
    jdbc.update(
        "INSERT INTO baton_case_facts (process_instance_id, facts) VALUES (?, ?)",
        processInstanceId,
        write(snapshot(names, variables::getVariable)));
  }

  /** Records the same facts again, after a review changed one of them. */
  public void recordAgain(String processInstanceId, VariableScope variables) {
    recorded(processInstanceId)
        .ifPresent(then -> record(processInstanceId, then.keySet(), variables));
  }

  /** The names of the locked facts; empty before the case is routed. */
  public Set<String> names(String processInstanceId) {
    return recorded(processInstanceId).map(Map::keySet).orElse(java.util.Set.of());
  }

  /** Refuses when a recorded fact no longer holds; a case not routed yet has nothing to check. */
  public void verify(String processInstanceId, VariableScope variables) {
    verify(processInstanceId, variables::getVariable);
  }

  /**
   * Refuses when a recorded fact no longer holds, reading each fact's value now with {@code
   * variables}.
   */
  public void verify(String processInstanceId, Function<String, Object> variables) {
    Optional<Map<String, String>> locked = recorded(processInstanceId);
    if (locked.isEmpty()) {
      return;
    }
    Map<String, String> then = locked.get();
    Map<String, String> now = snapshot(then.keySet(), variables);
    for (String name : then.keySet()) {
      String recorded = then.get(name);
      String current = now.get(name);
      if (recorded != null && !recorded.startsWith(DIGEST) && current != null) {
        current = String.valueOf(variables.apply(name)); // recorded before digests
      }
      if (!Objects.equals(recorded, current)) {
        throw new BadUserRequestException(
            "'%s' was set by Baton when it routed this case and cannot be changed".formatted(name));
      }
    }
  }

  private Optional<Map<String, String>> recorded(String processInstanceId) {
    List<String> rows =
        jdbc.queryForList(
            "SELECT facts FROM baton_case_facts WHERE process_instance_id = ?",
            String.class,
            processInstanceId);
    return rows.stream().findFirst().map(this::read);
  }

  private static Map<String, String> snapshot(
      Collection<String> names, Function<String, Object> variables) {
    Map<String, String> facts = new TreeMap<>();
    for (String name : names) {
      Object value = variables.apply(name);
      facts.put(name, value == null ? null : DIGEST + ActionDigest.of(String.valueOf(value)));
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
      return new TreeMap<>(json.readValue(facts, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recorded routing facts are not valid JSON", e);
    }
  }
}
