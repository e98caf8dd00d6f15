package io.baton.governance;

import io.baton.connectors.guard.GuardResult;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.review.ModelAccuracy;
import io.baton.review.ReviewOutcomeStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Start listener of a routing decision task: gathers every fact the decision table reads, with a
 * stated default where a step did not produce it (no validator ran, no ensemble voted), and the
 * measured accuracy of the model on the task type from reviewer outcomes. When a reviewer corrected
 * the intent, the risk is that of the corrected intent. In a process with a guard step, a missing
 * guard result holds the case back.
 */
@Component("routingInputs")
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingInputs implements ExecutionListener {

  static final String NOT_VALIDATED = "NOT_VALIDATED";

  /** The guard verdict of a process without a guard step. */
  static final String NOT_GUARDED = "NOT_GUARDED";

  /** The guard verdict of a process with a guard step that left no (known) verdict. */
  static final String MISSING = "MISSING";

  private final ReviewOutcomeStore outcomes;
  private final RoutingProperties properties;
  private final LabelSetCatalog labelSets;
  private final RoutingFacts facts;

  RoutingInputs(
      ReviewOutcomeStore outcomes,
      RoutingProperties properties,
      LabelSetCatalog labelSets,
      RoutingFacts facts) {
    this.outcomes = outcomes;
    this.properties = properties;
    this.labelSets = labelSets;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    facts.verify(execution.getProcessInstanceId(), execution);
    defaultTo(execution, "validationVerdict", NOT_VALIDATED);
    defaultTo(execution, "disagreement", 0.0);
    defaultTo(execution, "amount", 0.0);
    execution.setVariable("sensitivity", Sensitivity.of((String) execution.getVariable("message")));
    guardDefaults(execution);

    String model = (String) execution.getVariable("aiModel");
    String taskType = (String) execution.getVariable("taskType");
    Object finalIntent = execution.getVariable("finalIntent");
    boolean corrected = finalIntent != null && !finalIntent.equals(execution.getVariable("intent"));
    execution.setVariable("intentCorrected", corrected);
    if (corrected) {
      execution.setVariable(
          "risk",
          labelSets
              .get(taskType)
              .label((String) finalIntent)
              .map(LabelSet.Label::risk)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "intent '%s' is not in label set '%s'"
                              .formatted(finalIntent, taskType))));
    }
    ModelAccuracy accuracy = outcomes.accuracy(model, taskType);
    execution.setVariable("accuracySamples", accuracy.labelled());
    execution.setVariable(
        "modelAccuracy",
        accuracy.labelled() >= properties.minSamples() && accuracy.accuracy().isPresent()
            ? accuracy.accuracy().getAsDouble()
            : null);
  }

  /**
   * Without a guard step the verdict is {@value #NOT_GUARDED}; with one, a verdict other than PASS
   * or REVIEW is {@value #MISSING}, with the risk HIGH, so the case is held back (fail closed).
   */
  private static void guardDefaults(DelegateExecution execution) {
    Object verdict = execution.getVariable("guardVerdict");
    if (!GuardStep.in(execution)) {
      defaultTo(execution, "guardVerdict", NOT_GUARDED);
      defaultTo(execution, "guardRisk", "LOW");
    } else if (!GuardResult.PASS.equals(verdict) && !GuardResult.REVIEW.equals(verdict)) {
      execution.setVariable("guardVerdict", MISSING);
      execution.setVariable("guardRisk", "HIGH");
    }
  }

  private static void defaultTo(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }
}
