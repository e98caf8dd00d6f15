package io.baton.review;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/review-stats}: per model and task type, how reviewers decided and the accuracy
 * and agreement that yields (all-time; routing reads the most recent decisions).
 */
@RestController
class ReviewStatsController {

  private final ReviewOutcomeStore outcomes;

  ReviewStatsController(ReviewOutcomeStore outcomes) {
    this.outcomes = outcomes;
  }

  @GetMapping("/api/review-stats")
  List<ModelStats> stats() {
    return outcomes.accuracyByModelAndTaskType().stream()
        .map(
            a ->
                new ModelStats(
                    a.model(),
                    a.taskType(),
                    a.decisions().approved(),
                    a.decisions().corrected(),
                    a.decisions().rejected(),
                    a.decisions().accuracy().isPresent()
                        ? a.decisions().accuracy().getAsDouble()
                        : null,
                    a.decisions().agreement().isPresent()
                        ? a.decisions().agreement().getAsDouble()
                        : null))
        .toList();
  }

  record ModelStats(
      String model,
      String taskType,
      int approved,
      int corrected,
      int rejected,
      Double accuracy,
      Double agreement) {}
}
