package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.governance.RoutingPolicy.Facts;
import io.baton.governance.RoutingPolicy.Route;
import org.junit.jupiter.api.Test;

/** The floor no routing table lowers, for the guard step's results. */
class RoutingPolicyFloorTest {

  private static final Route AUTO = new Route(RoutingPolicy.AUTO_EXECUTE, "Low risk and sure");
  private static final String GUARD_REASON =
      "The guard held this message back: legal action ('lawyer').";

  @Test
  void should_escalate_instead_of_auto_executing_a_message_with_a_critical_finding() {
    Route route = floor(AUTO, guarded("REVIEW", "CRITICAL", GUARD_REASON));

    assertThat(route.route()).isEqualTo(RoutingPolicy.ESCALATE);
    assertThat(route.reason()).contains("never auto-executed").contains("'lawyer'");
  }

  @Test
  void should_require_approval_instead_of_auto_executing_a_message_with_another_finding() {
    Route route = floor(AUTO, guarded("REVIEW", "HIGH", "The guard held this message back."));

    assertThat(route.route()).isEqualTo(RoutingPolicy.REQUIRE_APPROVAL);
  }

  @Test
  void should_not_auto_execute_when_a_guarded_process_has_no_guard_result() {
    for (String verdict : new String[] {null, "MISSING", "pass", "NOT_GUARDED"}) {
      Route route = floor(AUTO, guarded(verdict, null, null));

      assertThat(route.route()).as(String.valueOf(verdict)).isEqualTo("REQUIRE_APPROVAL");
      assertThat(route.reason()).contains("no guard result");
    }
  }

  @Test
  void should_show_the_guard_reason_on_a_route_the_table_chose() {
    Route route =
        floor(
            new Route(RoutingPolicy.ESCALATE, "A supervisor decides"),
            guarded("REVIEW", "CRITICAL", GUARD_REASON));

    assertThat(route).isEqualTo(new Route("ESCALATE", "A supervisor decides. " + GUARD_REASON));
  }

  @Test
  void should_leave_a_passed_or_unguarded_message_to_the_table() {
    assertThat(floor(AUTO, guarded("PASS", "LOW", ""))).isEqualTo(AUTO);
    assertThat(floor(AUTO, new Facts(null, "local", false, false, null, null, null)))
        .isEqualTo(AUTO);
  }

  private static Facts guarded(String verdict, String risk, String reason) {
    return new Facts(null, "local", false, true, verdict, risk, reason);
  }

  private static Route floor(Route decided, Facts facts) {
    return RoutingPolicy.floor(decided, facts, 0.8);
  }
}
