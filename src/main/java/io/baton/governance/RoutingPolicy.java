package io.baton.governance;

import io.baton.connectors.guard.GuardResult;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the four-eyes decision task: takes the route and reason of {@code ai-routing} and
 * the answer of {@code ai-four-eyes}, applies the floor that no decision table lowers, records the
 * result where no task form can change it ({@link CaseApprovals}), and shows it in variables.
 *
 * <p>The floor: a model whose measured accuracy is below {@code baton.routing.min-accuracy} is
 * never auto-executed, nor is a case whose intent a reviewer corrected (its new reply is reviewed),
 * nor, in a process with a guard step, a message the guard did not pass (held back, or no result):
 * it escalates when the guard found a critical signal and needs approval otherwise, and the
 * reviewer reads the guard's reason in {@code routeReason}. Without a routing decision, the case
 * escalates.
 */
@Component("routingPolicy")
public class RoutingPolicy implements ExecutionListener {

  public static final String AUTO_EXECUTE = "AUTO_EXECUTE";
  public static final String SUGGEST = "SUGGEST";
  public static final String REQUIRE_APPROVAL = "REQUIRE_APPROVAL";
  public static final String ESCALATE = "ESCALATE";

  /** A route and the reason the reviewer reads. */
  record Route(String route, String reason) {}

  /** What the floor reads besides the decided route. */
  record Facts(
      Double modelAccuracy,
      Object aiModel,
      boolean intentCorrected,
      boolean guarded,
      String guardVerdict,
      String guardRisk,
      String guardReason) {

    static Facts of(DelegateExecution execution) {
      return new Facts(
          execution.getVariable("modelAccuracy") instanceof Double measured ? measured : null,
          execution.getVariable("aiModel"),
          Boolean.TRUE.equals(execution.getVariable("intentCorrected")),
          GuardStep.in(execution),
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

  RoutingPolicy(RoutingProperties properties, CaseApprovals approvals, RoutingFacts facts) {
    this.properties = properties;
    this.approvals = approvals;
    this.facts = facts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Map<String, Object> routing = decision(execution, "routingDecision");
    Map<String, Object> fourEyesDecision = decision(execution, "fourEyesDecision");
    Route decided =
        routing == null
            ? new Route(ESCALATE, "no routing rule matched: a supervisor decides")
            : new Route((String) routing.get("route"), (String) routing.get("reason"));
    boolean fourEyes =
        fourEyesDecision == null || Boolean.TRUE.equals(fourEyesDecision.get("fourEyes"));

    Route route = floor(decided, Facts.of(execution), properties.minAccuracy());
    approvals.recordRouting(
        execution.getProcessInstanceId(), route.route(), fourEyes, route.reason());
    approvals.revoke(execution.getProcessInstanceId());
    execution.setVariable("route", route.route());
    execution.setVariable("routeReason", route.reason());
    execution.setVariable("fourEyesRequired", fourEyes);
    execution.setVariable("finalReply", execution.getVariable("reply"));
    facts.record(execution.getProcessInstanceId(), execution);
  }

  /** The route after the floor; a guard's reason is added to whatever route was decided. */
  static Route floor(Route decided, Facts facts, double minAccuracy) {
    String route = decided.route();
    String reason = decided.reason();
    if (AUTO_EXECUTE.equals(route)) {
      if (facts.heldBackByGuard()) {
        route = "CRITICAL".equals(facts.guardRisk()) ? ESCALATE : REQUIRE_APPROVAL;
        reason =
            GuardResult.REVIEW.equals(facts.guardVerdict())
                ? "the guard held this message back: never auto-executed"
                : "this process has a guard step but no guard result: never auto-executed";
      } else if (facts.modelAccuracy() != null && facts.modelAccuracy() < minAccuracy) {
        route = SUGGEST;
        reason =
            "measured accuracy %.2f of model '%s' is below %.2f: never auto-executed"
                .formatted(facts.modelAccuracy(), facts.aiModel(), minAccuracy);
      } else if (facts.intentCorrected()) {
        route = SUGGEST;
        reason = "a reviewer corrected the intent: the new reply is reviewed";
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
    Object value = execution.getVariable(name);
    execution.removeVariable(name);
    return (Map<String, Object>) value;
  }
}
