package io.baton.models;

/**
 * Keeps the audit record of every model call: in the engine's database when the connectors run in
 * the engine application, through the engine's REST API in a standalone worker.
 */
public interface ModelCallLog {

  void record(ModelCallRecord call);
}
