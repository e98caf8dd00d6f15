package io.baton.payloads;

/** A value over {@code baton.payloads.max-size}: refused, nothing stored. */
public class PayloadTooLargeException extends IllegalArgumentException {

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
