package io.baton.governance;

import io.baton.connectors.guard.GuardResult;
import io.baton.connectors.vocabulary.Risk;
import io.baton.governance.CaseApprovals.CaseRouting;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.stereotype.Component;

/**
 * End listener of a routing task ({@code ${routingPolicy}}, a business rule task whose decision
 * answers {@code route} and {@code reason}): takes the route the decision chose, asks the four-eyes
 * decision the task names in {@code baton.fourEyesDecision} (or the decision's own {@code fourEyes}
 * answer; two people when neither says otherwise), applies the floor that no decision table lowers,
 * appends the result to the case's routing record ({@link CaseApprovals}) where no task form can
 * change it, withdraws earlier approvals, shows the result in the variables {@code route}, {@code
 * routeReason} and {@code fourEyesRequired}, and locks the facts ({@link RoutingFacts}).
 *
 * <p>The floor: a case is never auto-executed when an input of its decision is missing, not a
 * finite number, of the wrong type or text the decision does not list (the reason names the input);
 * nor when the model's measured accuracy is below {@code baton.routing.min-accuracy}; nor when a
 * reviewer corrected its label (the new result is reviewed); nor, in a process with a guard step,
 * when the guard did not pass the message: it escalates when the guard found a critical signal and
 * needs approval otherwise. Without a routing decision, the case escalates. A problem with an input
 * of the four-eyes decision asks for two people.
 */
@Component("routingPolicy")
public class RoutingPolicy implements ExecutionListener {

  public static final String AUTO_EXECUTE =
      io.baton.connectors.vocabulary.Route.AUTO_EXECUTE.name();
  public static final String SUGGEST = io.baton.connectors.vocabulary.Route.SUGGEST.name();
  public static final String REQUIRE_APPROVAL =
      io.baton.connectors.vocabulary.Route.REQUIRE_APPROVAL.name();
  public static final String ESCALATE = io.baton.connectors.vocabulary.Route.ESCALATE.name();

  /** A route and the reason the reviewer reads. */
  record Route(String route, String reason) {}

  /** What the floor reads besides the decided route. */
  record Facts(
      Double modelAccuracy,
      Object aiModel,
      boolean labelCorrected,
      boolean guarded,
      String guardVerdict,
      String guardRisk,
      String guardReason) {

    static Facts of(DelegateExecution execution) {
      return new Facts(
          execution.getVariable("modelAccuracy") instanceof Double measured ? measured : null,
          execution.getVariable("aiModel"),
          Boolean.TRUE.equals(execution.getVariable("labelCorrected")),
          DiagramSteps.has(execution, DiagramSteps.GUARD),
          (String) execution.getVariable("guardVerdict"),
          (String) execution.getVariable("guardRisk"),
          (String) execution.getVariable("guardReason"));
    }

    boolean heldBackByGuard() {
      return guarded && !GuardResult.PASS.equals(guardVerdict);
    }
  }

  private final RoutingProperties properties;
  private final CaseApprovals approvals;
  private final RoutingFacts facts;
  private final DecisionMetrics metrics;

  RoutingPolicy(
      RoutingProperties properties,
      CaseApprovals approvals,
      RoutingFacts facts,
      DecisionMetrics metrics) {
    this.properties = properties;
    this.approvals = approvals;
    this.facts = facts;
    this.metrics = metrics;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    ElementProperties task = ElementProperties.of(execution);
    BusinessRuleTask element = (BusinessRuleTask) execution.getBpmnModelElementInstance();
    String decisionKey = element.getCamundaDecisionRef();
    Map<String, Object> variables = execution.getVariables();
    Map<String, Object> routing = decision(execution, element.getCamundaResultVariable());
    Route decided =
        routing == null
            ? new Route(ESCALATE, "no routing rule matched: a supervisor decides")
            : new Route((String) routing.get("route"), (String) routing.get("reason"));
    DecisionInputs inputs = DecisionInputs.of(Decisions.latest(decisionKey));
    Route route =
        withInputProblems(
            floor(decided, Facts.of(execution), properties.minAccuracy()),
            inputs.problems(variables));
    boolean fourEyes = fourEyes(task.get("baton.fourEyesDecision"), routing, variables);

    DecisionEvidence.Evidence evidence = DecisionEvidence.take(decisionKey);
    Map<String, Object> trailEvidence = new LinkedHashMap<>();
    trailEvidence.put("decisionVersion", evidence.version());
    trailEvidence.put("inputs", evidence.inputs());
    trailEvidence.put("matchedRules", evidence.matchedRules());
    trailEvidence.put("decided", decided.route());
    approvals.recordRouting(
        caseId,
        new CaseRouting(
            execution.getCurrentActivityId(), decisionKey, route.route(), fourEyes, route.reason()),
        "decision:" + decisionKey,
        trailEvidence);
    approvals.withdraw(caseId, "routing", "the case was routed again");
    metrics.routed(execution.getProcessDefinitionId(), route.route());
    execution.setVariable("route", route.route());
    execution.setVariable("routeReason", route.reason());
    execution.setVariable("fourEyesRequired", fourEyes);
    Set<String> locked = new LinkedHashSet<>(task.list("baton.facts"));
    locked.addAll(inputs.variables());
    for (String labelProperty : List.of("baton.label", "baton.aiLabel")) {
      if (task.get(labelProperty) != null) {
        locked.add(task.get(labelProperty));
      }
    }
    facts.record(caseId, locked, execution);
  }

  /**
   * Two people unless a decision clearly says one is enough: the four-eyes decision the task names
   * (any problem with its inputs means two), else the routing decision's own {@code fourEyes}.
   */
  private static boolean fourEyes(
      String fourEyesDecision, Map<String, Object> routing, Map<String, Object> variables) {
    if (fourEyesDecision != null) {
      if (!DecisionInputs.of(Decisions.latest(fourEyesDecision)).problems(variables).isEmpty()) {
        return true;
      }
      DmnDecisionResultEntries answer =
          Decisions.evaluate(fourEyesDecision, variables).getFirstResult();
      return answer == null || !Boolean.FALSE.equals(answer.get("fourEyes"));
    }
    return routing == null || !Boolean.FALSE.equals(routing.get("fourEyes"));
  }

  /**
   * A case with a problem in a decision input is never auto-executed, whatever the table says; the
   * reason names each input. Missing or mistyped inputs are named on any route.
   */
  static Route withInputProblems(Route route, List<DecisionInputs.Problem> problems) {
    if (problems.isEmpty()) {
      return route;
    }
    if (AUTO_EXECUTE.equals(route.route())) {
      return new Route(
          REQUIRE_APPROVAL,
          "not auto-executed: "
              + problems.stream()
                  .map(DecisionInputs.Problem::text)
                  .collect(Collectors.joining("; ")));
    }
    String serious =
        problems.stream()
            .filter(problem -> !problem.unlisted())
            .map(DecisionInputs.Problem::text)
            .collect(Collectors.joining("; "));
    return serious.isEmpty()
        ? route
        : new Route(route.route(), route.reason() + ". Also: " + serious);
  }

  /** The route after the floor; a guard's reason is added to whatever route was decided. */
  static Route floor(Route decided, Facts facts, double minAccuracy) {
    String route = decided.route();
    String reason = decided.reason();
    if (AUTO_EXECUTE.equals(route)) {
      if (facts.heldBackByGuard()) {
        route = Risk.CRITICAL.name().equals(facts.guardRisk()) ? ESCALATE : REQUIRE_APPROVAL;
        reason =
            GuardResult.REVIEW.equals(facts.guardVerdict())
                ? "the guard held this message back: never auto-executed"
                : "this process has a guard step but no guard result: never auto-executed";
      } else if (facts.modelAccuracy() != null && facts.modelAccuracy() < minAccuracy) {
        route = SUGGEST;
        reason =
            "measured accuracy %.2f of model '%s' is below %.2f: never auto-executed"
                .formatted(facts.modelAccuracy(), facts.aiModel(), minAccuracy);
      } else if (facts.labelCorrected()) {
        route = SUGGEST;
        reason = "a reviewer corrected the label: the new result is reviewed";
      }
    }
    String guardReason = facts.guardReason();
    if (facts.heldBackByGuard() && guardReason != null && !guardReason.isBlank()) {
      reason = reason + ". " + guardReason;
    }
    return new Route(route, reason);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decision(DelegateExecution execution, String name) {
    if (name == null) {
      throw new IllegalStateException(
          "routing task '%s' has no result variable: use Baton's routing template"
              .formatted(execution.getCurrentActivityId()));
    }
    Object value = execution.getVariable(name);
    execution.removeVariable(name);
    return (Map<String, Object>) value;
  }
}
