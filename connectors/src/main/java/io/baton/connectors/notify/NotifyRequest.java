package io.baton.connectors.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code notify} tool.
 *
 * @param message the text to send
 * @param recipient who it is for, as the webhook's receiver understands it
 * @param aiGeneratedBy the named model that wrote the message, when a model did: the webhook's body
 *     then says so in {@code aiGeneratedBy}; optional
 */
public record NotifyRequest(
    @NotBlank @Size(max = 4000) String message,
    @Size(max = 200) String recipient,
    @Size(max = 100) String aiGeneratedBy) {

  /** A message written by a person, or by no model. */
  public NotifyRequest(String message, String recipient) {
    this(message, recipient, null);
  }
}
