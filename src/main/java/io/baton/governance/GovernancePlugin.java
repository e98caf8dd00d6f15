package io.baton.governance;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine plugin that registers the {@link GovernanceParseListener}, and the {@link
 * DecisionEvidence} listener that tells the case trail which rules of a routing decision matched.
 */
@Component
class GovernancePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new GovernanceParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);

    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionEvaluationListener> decisionListeners = new ArrayList<>();
    if (dmn.getCustomPostDecisionEvaluationListeners() != null) {
      decisionListeners.addAll(dmn.getCustomPostDecisionEvaluationListeners());
    }
    decisionListeners.add(new DecisionEvidence());
    dmn.setCustomPostDecisionEvaluationListeners(decisionListeners);
  }
}
