package io.baton.dashboard;

import io.baton.dashboard.Dashboard.ReviewAgreement;
import io.baton.review.ModelAccuracy;
import io.baton.review.ReviewOutcomeStore;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/** Reviewer agreement and model accuracy per task type, from the reviewers' recorded decisions. */
@Component
class ReviewFigures {

  private final ReviewOutcomeStore outcomes;

  ReviewFigures(ReviewOutcomeStore outcomes) {
    this.outcomes = outcomes;
  }

  List<ReviewAgreement> agreement(Window window) {
    return outcomes.accuracyByModelAndTaskType(window.since()).stream()
        .map(
            a -> {
              ModelAccuracy d = a.decisions();
              return new ReviewAgreement(
                  a.taskType(),
                  a.model(),
                  d.approved(),
                  d.corrected(),
                  d.rejected(),
                  orNull(d.accuracy()),
                  orNull(d.agreement()));
            })
        .sorted(
            Comparator.comparing(ReviewAgreement::taskType).thenComparing(ReviewAgreement::model))
        .toList();
  }

  private static Double orNull(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
