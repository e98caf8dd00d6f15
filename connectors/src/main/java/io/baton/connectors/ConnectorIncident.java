package io.baton.connectors;

/**
 * A failure that will not go away by trying again (a host not on the allow-list, a statement that
 * is not a single SELECT, a setting that is missing): the runtime raises an incident at once, with
 * this message, for someone to fix the diagram or the configuration.
 */
public class ConnectorIncident extends RuntimeException {

  public ConnectorIncident(String message) {
    super(message);
  }

  public ConnectorIncident(String message, Throwable cause) {
    super(message, cause);
  }
}
