package io.baton.memory.payloads;

import io.baton.payloads.Payloads;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's history handler, except for two kinds of variable events that would put a payload's
 * content in the history: a task-local variable over the inline limit (a {@link PayloadViews view}
 * of a stored payload), and a text longer than the engine's String variables hold, which can only
 * be a start variable that {@link LargeStartVariables} replaces by its reference in the same
 * transaction (the reference's event then writes the history row). The content is kept once, in
 * {@code baton_payload}.
 */
class LargeVariablesOutOfHistory implements HistoryEventHandler {

  private final HistoryEventHandler history = new DbHistoryEventHandler();
  private final long inlineLimit;

  LargeVariablesOutOfHistory(long inlineLimit) {
    this.inlineLimit = inlineLimit;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isLargeTaskVariable(event) && !isLongText(event)) {
      history.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private boolean isLargeTaskVariable(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && variable.getTaskId() != null
        && size(variable) > inlineLimit;
  }

  private static boolean isLongText(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && variable.getTextValue() != null
        && variable.getTextValue().length() > Payloads.MAX_STRING;
  }

  private static long size(HistoricVariableUpdateEventEntity variable) {
    return length(variable.getTextValue())
        + length(variable.getTextValue2())
        + (variable.getByteValue() == null ? 0 : variable.getByteValue().length);
  }

  private static long length(String text) {
    return text == null ? 0 : text.length();
  }
}
