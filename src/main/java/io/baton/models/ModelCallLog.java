package io.baton.models;

import java.math.BigDecimal;

/**
 * Keeps the audit record of every model call: in the engine's database when the connectors run in
 * the engine application, through the engine's REST API in a standalone worker.
 */
public interface ModelCallLog {

  void record(ModelCallRecord call);

  /** What the model calls recorded for a process instance have cost so far. */
  BigDecimal spentOn(String processInstanceId);
}
