package io.baton.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;

/**
 * What the engine's last evaluation of a decision table in this thread saw and which rules matched,
 * for the case trail: a routing task's end listener takes it right after its decision ran.
 */
final class DecisionEvidence implements DmnDecisionEvaluationListener {

  /** The inputs a decision table was evaluated with and the ids of the rules that matched. */
  record Evidence(int version, Map<String, Object> inputs, List<String> matchedRules) {}

  private static final ThreadLocal<Map<String, Evidence>> LAST =
      ThreadLocal.withInitial(HashMap::new);

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    record(event.getDecisionResult());
    event.getRequiredDecisionResults().forEach(DecisionEvidence::record);
  }

  private static void record(DmnDecisionLogicEvaluationEvent event) {
    if (!(event instanceof DmnDecisionTableEvaluationEvent table)) {
      return;
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (DmnEvaluatedInput input : table.getInputs()) {
      String name = input.getInputVariable() != null ? input.getName() : input.getId();
      inputs.put(
          name == null ? input.getId() : name,
          input.getValue() == null ? null : input.getValue().getValue());
    }
    List<String> rules = new ArrayList<>();
    for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
      rules.add(rule.getId());
    }
    var decision = table.getDecision();
    int version =
        decision instanceof org.camunda.bpm.engine.repository.DecisionDefinition definition
            ? definition.getVersion()
            : 0;
    LAST.get().put(decision.getKey(), new Evidence(version, inputs, rules));
  }

  /**
   * The evidence of the latest evaluation of {@code decisionKey} in this thread, then forgets it.
   */
  static Evidence take(String decisionKey) {
    Evidence evidence = LAST.get().remove(decisionKey);
    return evidence == null ? new Evidence(0, Map.of(), List.of()) : evidence;
  }
}
