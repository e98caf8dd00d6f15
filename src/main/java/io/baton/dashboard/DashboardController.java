package io.baton.dashboard;

import io.baton.identity.BatonGroups;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dashboard?days=7}: the dashboard's figures over the last days (1 to 90), for
 * operators, admins, supervisors and auditors.
 */
@RestController
class DashboardController {

  private final IdentityService identity;
  private final ModelCallFigures calls;
  private final ProcessFigures processes;
  private final ReviewFigures reviews;
  private final BudgetFigures budgets;

  DashboardController(
      IdentityService identity,
      ModelCallFigures calls,
      ProcessFigures processes,
      ReviewFigures reviews,
      BudgetFigures budgets) {
    this.identity = identity;
    this.calls = calls;
    this.processes = processes;
    this.reviews = reviews;
    this.budgets = budgets;
  }

  @GetMapping("/api/dashboard")
  Dashboard dashboard(@RequestParam(required = false) String days) {
    BatonGroups.require(identity, DashboardAccess.GROUPS, DashboardAccess.WHAT);
    Instant now = Clock.systemUTC().instant();
    Window window = Window.parse(days, now);
    return new Dashboard(
        window.days(),
        window.since(),
        now,
        calls.costs(window),
        calls.costPerProcess(window),
        calls.latency(window),
        calls.outcomes(window),
        processes.success(window),
        processes.incidents(),
        reviews.agreement(window),
        budgets.uses(window));
  }

  @ExceptionHandler(Window.InvalidWindowException.class)
  ProblemDetail badWindow(Window.InvalidWindowException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid window");
    return problem;
  }
}
