package io.baton.security.starts;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine plugin that registers the {@link StartRulesParseListener} with every process's rules. */
@Component
class StartRulesPlugin extends AbstractProcessEnginePlugin {

  private final List<StartRules> rules;

  StartRulesPlugin(List<StartRules> rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new StartRulesParseListener(rules));
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
