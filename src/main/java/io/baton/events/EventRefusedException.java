package io.baton.events;

/**
 * An event Baton will not take, whatever the number of tries: malformed, of an unmapped type, or
 * without a case to go to. Nothing of it was written; the reason says what is wrong.
 */
public class EventRefusedException extends RuntimeException {

  public EventRefusedException(String reason) {
    super(reason);
  }
}
