package io.baton.payloads;

/** A reference to a payload that is not (or no longer) stored. */
public class PayloadNotFoundException extends IllegalStateException {

  public PayloadNotFoundException(String id) {
    super(
        "payload "
            + id
            + " is not stored: it expired (baton.payloads.time-to-live) or was erased, or the"
            + " reference is not Baton's");
  }
}
