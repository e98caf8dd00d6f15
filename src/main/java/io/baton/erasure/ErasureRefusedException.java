package io.baton.erasure;

/** An erasure that cannot be done now, for a reason the caller can act on (open cases). */
public class ErasureRefusedException extends RuntimeException {

  public ErasureRefusedException(String message) {
    super(message);
  }
}
