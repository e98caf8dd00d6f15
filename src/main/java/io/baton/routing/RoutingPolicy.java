package io.baton.routing;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of a routing decision task: takes the decision's {@code route}, {@code fourEyes} and
 * {@code reason} into variables the diagram and forms read, and applies the floor that no decision
 * table lowers: a model whose measured accuracy is below {@code baton.routing.min-accuracy} is
 * never auto-executed. Without a decision, the case escalates.
 */
@Component("routingPolicy")
public class RoutingPolicy implements ExecutionListener {

  public static final String AUTO_EXECUTE = "AUTO_EXECUTE";
  public static final String SUGGEST = "SUGGEST";
  public static final String ESCALATE = "ESCALATE";

  private final RoutingProperties properties;

  RoutingPolicy(RoutingProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> decision = (Map<String, Object>) execution.getVariable("routingDecision");
    execution.removeVariable("routingDecision");
    String route = decision == null ? ESCALATE : (String) decision.get("route");
    String reason =
        decision == null
            ? "no routing rule matched: a supervisor decides"
            : (String) decision.get("reason");
    boolean fourEyes = decision != null && Boolean.TRUE.equals(decision.get("fourEyes"));

    Object accuracy = execution.getVariable("modelAccuracy");
    if (AUTO_EXECUTE.equals(route)
        && accuracy instanceof Double measured
        && measured < properties.minAccuracy()) {
      route = SUGGEST;
      reason =
          "measured accuracy %.2f of model '%s' is below %.2f: never auto-executed"
              .formatted(measured, execution.getVariable("aiModel"), properties.minAccuracy());
    }
    execution.setVariable("route", route);
    execution.setVariable("routeReason", reason);
    execution.setVariable("fourEyesRequired", fourEyes);
    execution.setVariable("finalIntent", execution.getVariable("intent"));
    execution.setVariable("finalReply", execution.getVariable("reply"));
  }
}
