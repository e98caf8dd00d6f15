package io.baton.memory.payloads;

import io.baton.payloads.PayloadProperties;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a process's start event stores the large variables the case started with ({@link
 * LargeStartVariables}), every user task shows stored payloads whole ({@link PayloadViews}), and
 * the history handler leaves their content out ({@link LargeVariablesOutOfHistory}).
 */
@Component
class PayloadsPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener views;
  private final ExecutionListener startVariables;
  private final PayloadProperties properties;

  PayloadsPlugin(
      @Lazy PayloadViews views, @Lazy JdbcPayloadStore store, PayloadProperties properties) {
    this.views = views;
    this.startVariables = new LargeStartVariables(store, properties);
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parse = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parse.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parse.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (scope instanceof ProcessDefinitionEntity) {
              activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, startVariables);
            }
          }

          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
              userTask
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, views);
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(parse);

    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new LargeVariablesOutOfHistory(properties.inlineLimit().toBytes()));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }
}
