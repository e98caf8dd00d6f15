package io.baton.connectors.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code send-reply} tool.
 *
 * @param customerId who the reply is for
 * @param reply the reply's text, exactly as approved
 * @param customerEmail the customer's e-mail address, for the e-mail channel; optional (a blank
 *     value counts as none)
 * @param replyGeneratedBy the named model that wrote the reply, when a model wrote it (not when it
 *     chose a prepared template): the reply goes out marked as AI-generated; optional
 */
public record ReplyDeliveryRequest(
    @NotBlank @Size(max = 64) String customerId,
    @NotBlank @Size(max = 20000) String reply,
    @Size(max = 254) String customerEmail,
    @Size(max = 100) String replyGeneratedBy) {

  public ReplyDeliveryRequest(String customerId, String reply, String customerEmail) {
    this(customerId, reply, customerEmail, null);
  }
}
