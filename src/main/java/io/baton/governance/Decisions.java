package io.baton.governance;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;

/**
 * The latest deployed decision of a key, read from the engine's cache inside the running command
 * (the routing step runs as whoever completed the task before it, who need not be allowed to read
 * decision definitions; the diagram is what names the decision).
 */
final class Decisions {

  private Decisions() {}

  static DmnDecision latest(String key) {
    var definition =
        Context.getProcessEngineConfiguration()
            .getDeploymentCache()
            .findDeployedLatestDecisionDefinitionByKey(key);
    if (!(definition instanceof DecisionDefinitionEntity decision)) {
      throw new IllegalStateException("decision '" + key + "' is not deployed");
    }
    return decision;
  }

  static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
    return Context.getProcessEngineConfiguration()
        .getDmnEngine()
        .evaluateDecision(latest(key), variables);
  }
}
