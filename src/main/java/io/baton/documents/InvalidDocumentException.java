package io.baton.documents;

import org.camunda.bpm.engine.BadUserRequestException;

/** An incoming document or a review of one that cannot be accepted; nothing changed. */
public class InvalidDocumentException extends BadUserRequestException {

  public InvalidDocumentException(String message) {
    super(message);
  }
}
