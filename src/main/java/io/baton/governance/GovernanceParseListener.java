package io.baton.governance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Wires Baton's governance into the tasks an analyst marked with Baton's templates, as built-in
 * listeners that a diagram cannot leave out and a start or modification cannot skip: a business
 * rule task with the property {@value #ROUTING} gets {@code ${routingInputs}} at its start and
 * {@code ${routingPolicy}} at its end; a user task with {@value #REVIEW_STAGE} gets {@code
 * ${reviewForm}} when it is created and {@code ${reviewCompletion}} when it is completed; a Baton
 * connector task gets {@code ${connectorResultTrail}} at its end; an agent task (topic {@code
 * baton.agent}) gets {@code ${agentAllowList}} at its start.
 */
class GovernanceParseListener extends AbstractBpmnParseListener {

  static final String ROUTING = "baton.routing";
  static final String REVIEW_STAGE = "baton.review.stage";

  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  @Override
  public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (properties(element).containsKey(ROUTING)) {
      activity.addBuiltInListener(
          ExecutionListener.EVENTNAME_START, executionListener("routingInputs"));
      activity.addBuiltInListener(
          ExecutionListener.EVENTNAME_END, executionListener("routingPolicy"));
    }
  }

  /** A Baton connector task (topic {@code baton.*}) leaves its result in the case trail. */
  @Override
  public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    String topic = element.attributeNS(CAMUNDA, "topic");
    if ("external".equals(element.attributeNS(CAMUNDA, "type"))
        && topic != null
        && topic.startsWith("baton.")) {
      activity.addBuiltInListener(
          ExecutionListener.EVENTNAME_END, executionListener("connectorResultTrail"));
    }
    if ("baton.agent".equals(topic)) {
      activity.addBuiltInListener(
          ExecutionListener.EVENTNAME_START, executionListener("agentAllowList"));
    }
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (properties(element).containsKey(REVIEW_STAGE)
        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      TaskDefinition task = userTask.getTaskDefinition();
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskListener("reviewForm"));
      task.addBuiltInTaskListener(
          TaskListener.EVENTNAME_COMPLETE, taskListener("reviewCompletion"));
    }
  }

  static Map<String, String> properties(Element element) {
    Map<String, String> values = new HashMap<>();
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return values;
    }
    for (Element properties : extensions.elementsNS(CAMUNDA, "properties")) {
      for (Element property : properties.elementsNS(CAMUNDA, "property")) {
        values.put(property.attribute("name"), property.attribute("value"));
      }
    }
    return values;
  }

  private static ExecutionListener executionListener(String bean) {
    return new DelegateExpressionExecutionListener(expression(bean), List.of());
  }

  private static TaskListener taskListener(String bean) {
    return new DelegateExpressionTaskListener(expression(bean), List.of());
  }

  private static org.camunda.bpm.engine.impl.el.Expression expression(String bean) {
    return Context.getProcessEngineConfiguration()
        .getExpressionManager()
        .createExpression("${" + bean + "}");
  }
}
