package io.baton.subjects;

import java.time.Instant;
import java.util.List;

/**
 * Where one case of a subject stands.
 *
 * @param label the case's label as routing last saw it (a reviewer's correction included); null
 *     before the case is routed
 * @param outcome how a closed case ended: the name of its end event, or why it was stopped
 * @param route what routing last decided, with {@code routeReason}; null before routing
 * @param lastDecision the latest reviewer decision on the case, if any
 * @param correction the latest correction of the AI's label by a reviewer, if any
 * @param pendingApprovals the approvals an open case still waits for ({@code FIRST}, {@code
 *     SECOND}), as its route asks for them
 */
public record SubjectCase(
    String processInstanceId,
    String process,
    Instant startedAt,
    Instant endedAt,
    String label,
    boolean open,
    String outcome,
    String route,
    String routeReason,
    ReviewedAs lastDecision,
    ReviewedAs correction,
    List<String> pendingApprovals) {

  public SubjectCase {
    pendingApprovals = List.copyOf(pendingApprovals);
  }

  /** A reviewer's decision: what the AI said, what counts now, who decided and when. */
  public record ReviewedAs(
      String decision, String aiLabel, String finalLabel, String reviewer, Instant decidedAt) {}
}
