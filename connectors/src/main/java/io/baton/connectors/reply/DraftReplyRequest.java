package io.baton.connectors.reply;

import jakarta.validation.constraints.NotBlank;

/**
 * Input of the {@code draft-reply} connector.
 *
 * @param intent the label whose reply templates are used
 * @param labelSet the label set that holds the templates
 * @param message the customer's message the reply answers
 * @param customerId replaces {@code {customerId}} in the template
 * @param model the named model that drafts; {@code local} when not given
 */
public record DraftReplyRequest(
    @NotBlank String intent,
    @NotBlank String labelSet,
    @NotBlank String message,
    String customerId,
    String model) {

  public DraftReplyRequest {
    model = model == null || model.isBlank() ? "local" : model;
  }
}
