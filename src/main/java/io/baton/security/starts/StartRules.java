package io.baton.security.starts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The variables a process may be started with. A process that declares start rules (a bean of this
 * type with its key) is started only with these variables, each within its type and limits, and
 * with a business key of at most {@value #MAX_BUSINESS_KEY} characters; the rules run as a built-in
 * start listener ({@link StartRulesParseListener}), so neither {@code skipCustomListeners} nor any
 * way in can skip them. The start API and forms apply the same rules.
 */
public interface StartRules {

  int MAX_BUSINESS_KEY = 255;

  /** The key of the process these rules guard. */
  String processKey();

  List<StartVariable> variables();

  /**
   * Values a start without them gets, set after the rules passed: the process states what an absent
   * variable means (routing treats a missing input as unknown and never acts on it).
   */
  default Map<String, Object> defaults() {
    return Map.of();
  }

  /** The problems with these start variables and business key, empty when they are valid. */
  default List<String> problems(Map<String, ?> values, String businessKey, Set<String> implicit) {
    List<String> problems = new ArrayList<>();
    for (StartVariable variable : variables()) {
      variable.problem(values.get(variable.name())).ifPresent(problems::add);
    }
    Set<String> allowed = variables().stream().map(StartVariable::name).collect(Collectors.toSet());
    List<String> unknown =
        values.keySet().stream()
            .filter(name -> !allowed.contains(name) && !implicit.contains(name))
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      problems.add(
          "%s cannot be started with %s; its start variables are %s"
              .formatted(processKey(), unknown, allowed.stream().sorted().toList()));
    }
    if (businessKey != null && businessKey.length() > MAX_BUSINESS_KEY) {
      problems.add(
          "the business key has %d characters; the limit is %d"
              .formatted(businessKey.length(), MAX_BUSINESS_KEY));
    }
    return problems;
  }
}
