package io.baton.workers;

/** The variables of a task do not make a valid connector input; retrying will not help. */
class InvalidInputException extends RuntimeException {

  InvalidInputException(String message) {
    super(message);
  }
}
