package io.baton.connectors.email;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code email} tool.
 *
 * @param to one address, or several separated by commas (at most {@value
 *     EmailFunction#MAX_RECIPIENTS})
 * @param subject one line of at most 200 characters
 * @param body the plain text of the message
 * @param aiGeneratedBy the named model that wrote the body, when a model did: the message is then
 *     marked as AI-generated (header {@value EmailFunction#AI_GENERATED_HEADER} and the notice
 *     {@code baton.tools.email.ai-notice} under the text); optional
 */
public record EmailRequest(
    @NotBlank @Size(max = 2000) String to,
    @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line")
        String subject,
    @NotBlank @Size(max = 20000) String body,
    @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line")
        String aiGeneratedBy) {

  /** A message written by a person, or by no model. */
  public EmailRequest(String to, String subject, String body) {
    this(to, subject, body, null);
  }

  boolean aiGenerated() {
    return aiGeneratedBy != null && !aiGeneratedBy.isBlank();
  }
}
