package io.baton.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Cases as operators count them, from the engine's own history events:
 *
 * <ul>
 *   <li>{@code baton.cases} (timer): each ended case's duration, by {@code process} and {@code
 *       state} ({@code COMPLETED}, or {@code INTERNALLY_TERMINATED} / {@code EXTERNALLY_TERMINATED}
 *       for a case ended by a terminate event or cancelled), counted when the ending commits;
 *   <li>{@code baton.cases.open} and {@code baton.incidents.open} (gauges): read from the engine
 *       when scraped.
 * </ul>
 */
@Component
class CaseMetrics extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private final MeterRegistry meters;
  private final ObjectProvider<RuntimeService> runtime;

  /** The engine's services exist only after its plugins ran: they are looked up when scraped. */
  CaseMetrics(ObjectProvider<MeterRegistry> meters, ObjectProvider<RuntimeService> runtime) {
    this.meters = meters.getIfAvailable();
    this.runtime = runtime;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (meters == null) {
      return;
    }
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    if (!handlers.contains(this)) {
      handlers.add(this); // the Spring Boot starter may have added this bean already
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    Gauge.builder(
            "baton.cases.open", runtime, r -> r.getObject().createProcessInstanceQuery().count())
        .description("Cases running now")
        .register(meters);
    Gauge.builder("baton.incidents.open", runtime, r -> r.getObject().createIncidentQuery().count())
        .description("Open incidents: tasks that wait for a person to resolve them")
        .register(meters);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (meters != null
        && event instanceof HistoricProcessInstanceEventEntity ending
        && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
      String process = String.valueOf(ending.getProcessDefinitionKey());
      String state = String.valueOf(ending.getState());
      Long millis = durationMillis(ending);
      if (millis == null) {
        return; // no start on record: nothing honest to measure
      }
      AfterCommit.run(
          () ->
              Timer.builder("baton.cases")
                  .description("Ended cases by process and how they ended, with their durations")
                  .tags("process", process, "state", state)
                  .register(meters)
                  .record(millis, TimeUnit.MILLISECONDS));
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /**
   * The end event has the end time; the start time is in the case's history row, read in the same
   * engine command that ends the case.
   */
  private static Long durationMillis(HistoricProcessInstanceEventEntity ending) {
    if (ending.getDurationInMillis() != null) {
      return ending.getDurationInMillis();
    }
    CommandContext command = Context.getCommandContext();
    if (ending.getEndTime() == null || command == null) {
      return null;
    }
    HistoricProcessInstanceEntity started =
        command
            .getHistoricProcessInstanceManager()
            .findHistoricProcessInstance(ending.getProcessInstanceId());
    return started == null || started.getStartTime() == null
        ? null
        : ending.getEndTime().getTime() - started.getStartTime().getTime();
  }
}
