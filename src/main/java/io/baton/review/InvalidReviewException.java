package io.baton.review;

import org.camunda.bpm.engine.BadUserRequestException;

/** A review decision that cannot be accepted; the review task stays open. */
public class InvalidReviewException extends BadUserRequestException {

  public InvalidReviewException(String message) {
    super("review not accepted: " + message);
  }
}
