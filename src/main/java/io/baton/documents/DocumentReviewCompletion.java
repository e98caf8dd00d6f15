package io.baton.documents;

import io.baton.governance.RoutingFacts;
import io.baton.review.ReviewForm;
import io.baton.review.Reviewers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the document review: a decision is APPROVE, CHANGE_LABEL (with a corrected
 * label from the label set) or REJECT (lower-case approve and reject are still accepted); a reject
 * needs a reason; the fields the reviewer changed in the review form are applied; an approval needs
 * the fields the invoice schema requires, so nothing is accepted with fields missing; the AI's
 * answer recorded at routing cannot be changed. Records who reviewed.
 */
@Component("documentReviewCompletion")
public class DocumentReviewCompletion implements TaskListener {

  private final RoutingFacts facts;
  private final Reviewers reviewers;
  private final ReviewForm reviewForm;

  public DocumentReviewCompletion(RoutingFacts facts, Reviewers reviewers, ReviewForm reviewForm) {
    this.facts = facts;
    this.reviewers = reviewers;
    this.reviewForm = reviewForm;
  }

  private static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "CHF");

  @Override
  public void notify(DelegateTask task) {
    String reviewer = reviewers.current(task);
    if (reviewer == null) {
      throw new InvalidDocumentException(
          "review not accepted: claim the task, or complete it as a logged-in user");
    }
    facts.verify(task.getProcessInstanceId(), task);
    Object decision = task.getVariable("reviewDecision");
    boolean reject = "reject".equals(decision) || "REJECT".equals(decision);
    boolean changeLabel = "CHANGE_LABEL".equals(decision);
    if (!reject && !changeLabel && !"approve".equals(decision) && !"APPROVE".equals(decision)) {
      throw new InvalidDocumentException(
          "review not accepted: 'reviewDecision' must be APPROVE, CHANGE_LABEL or REJECT, not "
              + decision);
    }
    if (reject
        && blank(task.getVariable("rejectReason"))
        && blank(task.getVariable("reviewComment"))) {
      throw new InvalidDocumentException(
          "review not accepted: a rejection needs a reason ('rejectReason')");
    }
    if (!reject) {
      if (changeLabel) {
        reviewForm.correctedLabel(task);
      }
      reviewForm.changes(task).forEach(task.getExecution()::setVariable);
      List<String> problems = new ArrayList<>();
      if (blank(task.getVariable("invoiceNumber"))) {
        problems.add("'invoiceNumber' is missing");
      }
      if (blank(task.getVariable("vendor"))) {
        problems.add("'vendor' is missing");
      }
      if (!(task.getVariable("totalAmount") instanceof Number amount) || amount.doubleValue() < 0) {
        problems.add("'totalAmount' must be a number of at least 0");
      }
      if (!(task.getVariable("currency") instanceof String currency)
          || !CURRENCIES.contains(currency)) {
        problems.add("'currency' must be one of " + CURRENCIES);
      }
      if (!problems.isEmpty()) {
        throw new InvalidDocumentException(
            "review not accepted: cannot approve with " + String.join("; ", problems));
      }
    }
    task.getExecution().setVariable("reviewedBy", reviewer);
  }

  private static boolean blank(Object value) {
    return !(value instanceof String text) || text.isBlank();
  }
}
