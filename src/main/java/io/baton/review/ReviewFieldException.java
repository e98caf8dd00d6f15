package io.baton.review;

import org.camunda.bpm.engine.BadUserRequestException;

/** A reviewed field that cannot take the value submitted; the review task stays open. */
public class ReviewFieldException extends BadUserRequestException {

  public ReviewFieldException(String message) {
    super("review not accepted: " + message);
  }
}
