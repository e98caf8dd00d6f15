package io.baton.governance;

import io.baton.connectors.guard.GuardResult;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.connectors.vocabulary.GuardVerdict;
import io.baton.connectors.vocabulary.Risk;
import io.baton.connectors.vocabulary.Verdict;
import io.baton.review.ModelAccuracy;
import io.baton.review.ReviewOutcomeStore;
import io.baton.subjects.OpenCaseFacts;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Start listener of a routing task ({@code ${routingInputs}}): checks that the facts locked by an
 * earlier routing still hold, and gathers what the decision reads besides the case's own variables:
 *
 * <ul>
 *   <li>the results of steps the process does not have: {@code validationVerdict} NOT_VALIDATED,
 *       {@code disagreement} 0, {@code guardVerdict} NOT_GUARDED with {@code guardRisk} LOW; where
 *       the process has the step and it left no result, the verdict is MISSING (the guard's risk
 *       HIGH), so the case is held back;
 *   <li>{@code sensitivity} of the text the task names in {@code baton.text};
 *   <li>for the label in the variable {@code baton.label}: its {@code risk} from the label set
 *       {@code baton.labelSet}, and {@code labelCorrected} when it differs from the AI's label in
 *       {@code baton.aiLabel} (a reviewer corrected it);
 *   <li>the subject's other open cases ({@link OpenCaseFacts}): {@code openCasesSameLabel} and
 *       {@code openCaseRisk}, for the label in {@code baton.label};
 *   <li>the measured accuracy of the model ({@code aiModel}) on the task type ({@code taskType})
 *       from reviewer outcomes: {@code modelAccuracy} and {@code accuracySamples}.
 * </ul>
 */
@Component("routingInputs")
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingInputs implements ExecutionListener {

  static final String NOT_VALIDATED = Verdict.NOT_VALIDATED.name();
  static final String NOT_GUARDED = GuardVerdict.NOT_GUARDED.name();
  static final String MISSING = GuardVerdict.MISSING.name();

  private final ReviewOutcomeStore outcomes;
  private final RoutingProperties properties;
  private final LabelSetCatalog labelSets;
  private final RoutingFacts facts;
  private final OpenCaseFacts openCases;

  RoutingInputs(
      ReviewOutcomeStore outcomes,
      RoutingProperties properties,
      LabelSetCatalog labelSets,
      RoutingFacts facts,
      OpenCaseFacts openCases) {
    this.outcomes = outcomes;
    this.properties = properties;
    this.labelSets = labelSets;
    this.facts = facts;
    this.openCases = openCases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    facts.verify(execution.getProcessInstanceId(), execution);
    ElementProperties task = ElementProperties.of(execution);
    stepDefaults(execution);
    String text = task.get("baton.text");
    if (text != null) {
      Object value = execution.getVariable(text);
      execution.setVariable(
          "sensitivity", value instanceof String words ? Sensitivity.of(words) : null);
    }
    labelFacts(execution, task);
    openCases.apply(execution, task.get("baton.label"), task.get("baton.labelSet"));
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

  private static void stepDefaults(DelegateExecution execution) {
    if (!DiagramSteps.has(execution, DiagramSteps.VALIDATE)) {
      defaultTo(execution, "validationVerdict", NOT_VALIDATED);
    } else {
      defaultTo(execution, "validationVerdict", Verdict.MISSING.name());
    }
    if (!DiagramSteps.has(execution, DiagramSteps.ENSEMBLE)) {
      defaultTo(execution, "disagreement", 0.0);
    }
    Object verdict = execution.getVariable("guardVerdict");
    if (!DiagramSteps.has(execution, DiagramSteps.GUARD)) {
      defaultTo(execution, "guardVerdict", NOT_GUARDED);
      defaultTo(execution, "guardRisk", Risk.LOW.name());
    } else if (!GuardResult.PASS.equals(verdict) && !GuardResult.REVIEW.equals(verdict)) {
      execution.setVariable("guardVerdict", MISSING);
      execution.setVariable("guardRisk", Risk.HIGH.name());
    }
  }

  private void labelFacts(DelegateExecution execution, ElementProperties task) {
    String labelVariable = task.get("baton.label");
    if (labelVariable == null) {
      return;
    }
    Object label = execution.getVariable(labelVariable);
    String aiLabelVariable = task.get("baton.aiLabel");
    execution.setVariable(
        "labelCorrected",
        aiLabelVariable != null
            && label != null
            && !Objects.equals(label, execution.getVariable(aiLabelVariable)));
    String labelSet = task.get("baton.labelSet");
    if (labelSet != null) {
      // a label the set does not know has no risk: the decision sees it missing and holds back
      execution.setVariable(
          "risk",
          label instanceof String name
              ? labelSets.get(labelSet).label(name).map(LabelSet.Label::risk).orElse(null)
              : null);
    }
  }

  private static void defaultTo(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }
}
