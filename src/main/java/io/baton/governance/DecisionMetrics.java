package io.baton.governance;

import io.baton.observability.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How routing and people decide, per process, counted when the engine's transaction commits (a
 * rolled-back decision did not happen):
 *
 * <ul>
 *   <li>{@code baton.routing.decisions}: {@code process}, {@code route} (AUTO_EXECUTE, SUGGEST,
 *       REQUIRE_APPROVAL, ESCALATE);
 *   <li>{@code baton.review.decisions}: {@code process}, {@code decision} (approve, change_label,
 *       reject), {@code edited} (whether the reviewer changed the result), {@code stage} (first,
 *       second).
 * </ul>
 */
@Component
public class DecisionMetrics {

  private final MeterRegistry meters;

  public DecisionMetrics(ObjectProvider<MeterRegistry> meters) {
    this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
  }

  void routed(String processDefinitionId, String route) {
    AfterCommit.run(
        () ->
            meters
                .counter(
                    "baton.routing.decisions",
                    "process",
                    processKey(processDefinitionId),
                    "route",
                    String.valueOf(route))
                .increment());
  }

  public void reviewed(String processDefinitionId, String decision, boolean edited, String stage) {
    AfterCommit.run(
        () ->
            meters
                .counter(
                    "baton.review.decisions",
                    "process",
                    processKey(processDefinitionId),
                    "decision",
                    String.valueOf(decision).toLowerCase(Locale.ROOT),
                    "edited",
                    String.valueOf(edited),
                    "stage",
                    String.valueOf(stage).toLowerCase(Locale.ROOT))
                .increment());
  }

  /** {@code customer-request:9:4711} is process {@code customer-request}. */
  static String processKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return "unknown";
    }
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
