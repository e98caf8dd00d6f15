package io.baton.models;

import java.math.BigDecimal;

/**
 * Keeps the audit record of every model call: in the engine's database when the connectors run in
 * the engine application, through the engine's REST API in a standalone worker.
 */
public interface ModelCallLog {

  /**
   * Keeps the call once: a second report with the same {@link ModelCallRecord#callId()} is
   * recognised and changes nothing.
   *
   * @return whether this report was the first of the call
   */
  boolean record(ModelCallRecord call);

  /** What the model calls recorded for a process instance have cost so far. */
  BigDecimal spentOn(String processInstanceId);
}
