package io.baton.routing;

import io.baton.review.ModelAccuracy;
import io.baton.review.ReviewOutcomeStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Start listener of a routing decision task: gathers every fact the decision table reads, with a
 * stated default where a step did not produce it (no validator ran, no ensemble voted), and the
 * measured accuracy of the model on the task type from reviewer outcomes.
 */
@Component("routingInputs")
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingInputs implements ExecutionListener {

  static final String NOT_VALIDATED = "NOT_VALIDATED";

  private final ReviewOutcomeStore outcomes;
  private final RoutingProperties properties;

  RoutingInputs(ReviewOutcomeStore outcomes, RoutingProperties properties) {
    this.outcomes = outcomes;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    defaultTo(execution, "validationVerdict", NOT_VALIDATED);
    defaultTo(execution, "disagreement", false);
    defaultTo(execution, "amount", 0.0);
    execution.setVariable("sensitivity", Sensitivity.of((String) execution.getVariable("message")));

    String model = (String) execution.getVariable("aiModel");
    String taskType = (String) execution.getVariable("taskType");
    ModelAccuracy accuracy = outcomes.accuracy(model, taskType);
    execution.setVariable("accuracySamples", accuracy.labelled());
    execution.setVariable(
        "modelAccuracy",
        accuracy.labelled() >= properties.minSamples() && accuracy.accuracy().isPresent()
            ? accuracy.accuracy().getAsDouble()
            : null);
  }

  private static void defaultTo(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }
}
