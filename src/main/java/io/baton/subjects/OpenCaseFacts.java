package io.baton.subjects;

import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.connectors.vocabulary.Risk;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What routing reads about the subject's other open cases, so that a subject who already has an
 * open case is not answered as if this were the first time: {@value #SAME_LABEL}, how many have the
 * label of this case, and {@value #RISK}, the highest risk among their labels ({@code NONE} when
 * there is no other open case; {@code UNKNOWN} when one is not classified yet or has a label the
 * label set does not know). A process that names no subject has none: 0 and {@code NONE}.
 */
@Component
public class OpenCaseFacts {

  public static final String SAME_LABEL = "openCasesSameLabel";
  public static final String RISK = "openCaseRisk";
  static final String NONE = "NONE";
  static final String UNKNOWN = "UNKNOWN";

  /** Open cases a subject may have that routing looks at; more than this is not a normal case. */
  private static final int MAX_OPEN = 100;

  private final SubjectCases cases;
  private final LabelSetCatalog labelSets;

  OpenCaseFacts(SubjectCases cases, LabelSetCatalog labelSets) {
    this.cases = cases;
    this.labelSets = labelSets;
  }

  /**
   * Records this case's label (from the variable {@code labelVariable}) under its subject, and sets
   * the two facts; {@code labelSet} gives the risk of each label.
   */
  public void apply(DelegateExecution execution, String labelVariable, String labelSet) {
    String caseId = execution.getProcessInstanceId();
    Optional<Subject> subject = cases.subjectOf(caseId);
    if (subject.isEmpty()) {
      execution.setVariable(SAME_LABEL, 0);
      execution.setVariable(RISK, NONE);
      return;
    }
    Object label = labelVariable == null ? null : execution.getVariable(labelVariable);
    String name = label instanceof String text ? text : null;
    cases.labelled(caseId, name);
    List<SubjectCase> open = cases.cases(subject.get(), caseId, true, MAX_OPEN);
    execution.setVariable(
        SAME_LABEL,
        (int) open.stream().filter(c -> name != null && Objects.equals(name, c.label())).count());
    execution.setVariable(RISK, highestRisk(open, labelSet));
  }

  private String highestRisk(List<SubjectCase> open, String labelSet) {
    Risk highest = null;
    for (SubjectCase c : open) {
      Optional<Risk> risk = risk(c.label(), labelSet);
      if (risk.isEmpty()) {
        return UNKNOWN;
      }
      if (highest == null || risk.get().compareTo(highest) > 0) {
        highest = risk.get();
      }
    }
    return highest == null ? NONE : highest.name();
  }

  private Optional<Risk> risk(String label, String labelSet) {
    if (label == null || labelSet == null) {
      return Optional.empty();
    }
    return labelSets
        .get(labelSet)
        .label(label)
        .map(LabelSet.Label::risk)
        .map(Risk::valueOf); // a label set's risks are checked when it is read
  }
}
