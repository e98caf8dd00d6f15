package io.baton.connectors.reply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code draft-reply} connector.
 *
 * @param intent the label whose reply templates are used
 * @param labelSet the label set that holds the templates
 * @param message the customer's message the reply answers
 * @param customerId replaces {@code {customerId}} in the template
 * @param model the named model that drafts; {@code local} when not given
 * @param context what the process knows from before (such as the subject's earlier cases), sent to
 *     a generative model after the message; the local model does not read it
 */
public record DraftReplyRequest(
    @NotBlank String intent,
    @NotBlank String labelSet,
    @NotBlank String message,
    String customerId,
    String model,
    @Size(max = DraftReplyRequest.MAX_CONTEXT_LENGTH) String context) {

  public static final int MAX_CONTEXT_LENGTH = 8_000;

  public DraftReplyRequest(
      String intent, String labelSet, String message, String customerId, String model) {
    this(intent, labelSet, message, customerId, model, null);
  }

  public DraftReplyRequest {
    model = model == null || model.isBlank() ? "local" : model;
  }
}
