package io.baton.subjects;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Gives a process whose analyst named its subject (the process's property {@value #SUBJECT}, such
 * as {@code customerId}) built-in listeners that a start or a cancellation cannot skip: {@code
 * ${subjectCaseStart}} when a case starts and {@code ${subjectCaseEnd}} when it ends. Built-in
 * start listeners added here run after the start rules, which check the subject's variable.
 */
class SubjectsParseListener extends AbstractBpmnParseListener {

  static final String SUBJECT = "baton.subject";

  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  private final Set<String> subjectKeys = ConcurrentHashMap.newKeySet();

  Set<String> subjectKeys() {
    return Set.copyOf(subjectKeys);
  }

  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    String subject = subject(process);
    if (subject == null) {
      return;
    }
    subjectKeys.add(subject);
    definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener("subjectCaseStart"));
    definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener("subjectCaseEnd"));
  }

  static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  private static String subject(Element process) {
    Element extensions = process.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    for (Element properties : extensions.elementsNS(CAMUNDA, "properties")) {
      for (Element property : properties.elementsNS(CAMUNDA, "property")) {
        if (SUBJECT.equals(property.attribute("name"))) {
          String value = property.attribute("value");
          return value == null || value.isBlank() ? null : value.trim();
        }
      }
    }
    return null;
  }

  private static ExecutionListener listener(String bean) {
    return new DelegateExpressionExecutionListener(
        Context.getProcessEngineConfiguration()
            .getExpressionManager()
            .createExpression("${" + bean + "}"),
        List.of());
  }
}
