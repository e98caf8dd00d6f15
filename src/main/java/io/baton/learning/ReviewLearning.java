package io.baton.learning;

import io.baton.governance.ElementProperties;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the review completion tells the learning: a reviewer corrected a label, a review approved
 * one, or the case was rejected. A correction is learned only from a completed review: when an
 * approval of the corrected label lets the case act (after the second approval where four eyes
 * apply). A correction changed again, rejected, or left to its deadline teaches nothing.
 *
 * <p>The review task names what to keep: {@code baton.review.labelSet}, the text ({@code
 * baton.review.text}) and the subject ({@code baton.review.subject}, a variable such as {@code
 * customerId}); a review without a label set or text learns nothing.
 */
@Component
public class ReviewLearning {

  /**
   * Longer texts (whole documents) are not kept: the embedding model reads the first 256 tokens.
   */
  static final int MAX_TEXT = 4_000;

  static final int MAX_SUBJECT = 200;

  private final LearnedExampleStore store;

  ReviewLearning(LearnedExampleStore store) {
    this.store = store;
  }

  public void corrected(
      DelegateTask task,
      ElementProperties review,
      Object aiLabel,
      String correctedLabel,
      String reviewer) {
    String labelSet = review.get("baton.review.labelSet");
    String text = variable(task, review.get("baton.review.text"));
    String subject = variable(task, review.get("baton.review.subject"));
    if (labelSet == null
        || text == null
        || text.length() > MAX_TEXT
        || (subject != null && subject.length() > MAX_SUBJECT)
        || correctedLabel.equals(aiLabel)) {
      return;
    }
    store.corrected(
        new Correction(
            labelSet,
            correctedLabel,
            aiLabel == null ? null : String.valueOf(aiLabel),
            text,
            reviewer,
            Instant.now(),
            task.getProcessInstanceId(),
            subject));
  }

  /**
   * @param label the label approved, or null when the approval confirms an earlier one
   * @param completes whether the case may act on this approval (no second one is needed)
   */
  public void approved(String processInstanceId, String label, String approver, boolean completes) {
    store.approved(processInstanceId, label, approver, completes);
  }

  public void rejected(String processInstanceId) {
    store.rejected(processInstanceId);
  }

  private static String variable(DelegateTask task, String name) {
    if (name == null) {
      return null;
    }
    Object value = task.getVariable(name);
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
  }
}
