package io.baton.subjects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.governance.ElementProperties;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Start listener of a process that names its subject ({@code baton.subject}, see {@link
 * SubjectsParseListener}): records the case under its subject, and gives the case the subject's
 * earlier cases, newest first: {@value #ROWS} (a JSON list, for the review form) and {@value #TEXT}
 * (for a model's prompt, empty when there are none). A start without the subject is refused: a case
 * whose subject is unknown would be answered as if it were the subject's first.
 */
@Component("subjectCaseStart")
@EnableConfigurationProperties(SubjectsProperties.class)
class SubjectCaseStart implements ExecutionListener {

  static final String ROWS = "earlierCases";
  static final String TEXT = "earlierCasesText";

  private final SubjectCases cases;
  private final SubjectsProperties properties;
  private final ObjectMapper json = new ObjectMapper();

  SubjectCaseStart(SubjectCases cases, SubjectsProperties properties) {
    this.cases = cases;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String processKey = SubjectsParseListener.processKey(execution);
    ModelElementInstance process = execution.getBpmnModelInstance().getModelElementById(processKey);
    String key = ElementProperties.of(process).get(SubjectsParseListener.SUBJECT);
    if (key == null) {
      return;
    }
    Object value = execution.getVariable(key);
    if (!(value instanceof String id) || id.isBlank()) {
      throw new ProcessEngineException(
          "process '%s' keeps its cases by subject '%s' (baton.subject), but this start gives no %s"
              .formatted(processKey, key, key));
    }
    Subject subject;
    try {
      subject = new Subject(key, id);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("process '%s': %s".formatted(processKey, e.getMessage()));
    }
    List<SubjectCase> earlier =
        cases.cases(subject, execution.getProcessInstanceId(), false, properties.earlierCases());
    cases.opened(
        execution.getProcessInstanceId(),
        subject,
        processKey,
        ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(ROWS, SpinValues.jsonValue(write(EarlierCases.rows(earlier))).create());
    execution.setVariable(TEXT, EarlierCases.text(subject, earlier));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
