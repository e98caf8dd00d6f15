package io.baton.subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine plugin that registers the {@link SubjectsParseListener}. */
@Component
class SubjectsPlugin extends AbstractProcessEnginePlugin {

  private final SubjectsParseListener listener = new SubjectsParseListener();

  /** The subject keys of the processes the engine has parsed (deployed ones, once it started). */
  Set<String> subjectKeys() {
    return listener.subjectKeys();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
