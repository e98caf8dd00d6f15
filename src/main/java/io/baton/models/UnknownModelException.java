package io.baton.models;

/** A task asked for a model that is not configured. */
public class UnknownModelException extends IllegalArgumentException {

  public UnknownModelException(String message) {
    super(message);
  }
}
