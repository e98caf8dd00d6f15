package io.baton.security.starts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Parse listener that attaches each process's {@link StartRules} as a built-in start listener: the
 * engine runs built-in listeners even when a start skips custom listeners or begins at another
 * activity. The initiator variable of the process's start events is allowed besides the declared
 * variables.
 */
class StartRulesParseListener extends AbstractBpmnParseListener {

  private final List<StartRules> rules;

  StartRulesParseListener(List<StartRules> rules) {
    this.rules = rules;
  }

  @Override
  public void parseProcess(Element process, ProcessDefinitionEntity definition) {
    rules.stream()
        .filter(candidate -> candidate.processKey().equals(definition.getKey()))
        .forEach(
            match ->
                definition.addBuiltInListener(
                    ExecutionListener.EVENTNAME_START,
                    new StartRulesListener(match, initiators(process))));
  }

  private static Set<String> initiators(Element process) {
    Set<String> names = new HashSet<>();
    for (Element start : process.elements("startEvent")) {
      String initiator =
          start.attributeNS(new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS), "initiator");
      if (initiator != null) {
        names.add(initiator);
      }
    }
    return names;
  }
}
