package io.baton.routing;

import io.baton.review.CaseApprovals;
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
 * never auto-executed, nor is a case whose intent a reviewer corrected (its new reply is reviewed).
 * Without a routing decision, the case escalates.
 */
@Component("routingPolicy")
public class RoutingPolicy implements ExecutionListener {

  public static final String AUTO_EXECUTE = "AUTO_EXECUTE";
  public static final String SUGGEST = "SUGGEST";
  public static final String ESCALATE = "ESCALATE";

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
    String route = routing == null ? ESCALATE : (String) routing.get("route");
    String reason =
        routing == null
            ? "no routing rule matched: a supervisor decides"
            : (String) routing.get("reason");
    boolean fourEyes =
        fourEyesDecision == null || Boolean.TRUE.equals(fourEyesDecision.get("fourEyes"));

    if (AUTO_EXECUTE.equals(route)) {
      Object accuracy = execution.getVariable("modelAccuracy");
      if (accuracy instanceof Double measured && measured < properties.minAccuracy()) {
        route = SUGGEST;
        reason =
            "measured accuracy %.2f of model '%s' is below %.2f: never auto-executed"
                .formatted(measured, execution.getVariable("aiModel"), properties.minAccuracy());
      } else if (Boolean.TRUE.equals(execution.getVariable("intentCorrected"))) {
        route = SUGGEST;
        reason = "a reviewer corrected the intent: the new reply is reviewed";
      }
    }
    approvals.recordRouting(execution.getProcessInstanceId(), route, fourEyes, reason);
    approvals.revoke(execution.getProcessInstanceId());
    execution.setVariable("route", route);
    execution.setVariable("routeReason", reason);
    execution.setVariable("fourEyesRequired", fourEyes);
    execution.setVariable("finalReply", execution.getVariable("reply"));
    facts.record(execution.getProcessInstanceId(), execution);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decision(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    execution.removeVariable(name);
    return (Map<String, Object>) value;
  }
}
