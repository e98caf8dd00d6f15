package io.baton.connectors.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the {@code notify} tool.
 *
 * @param message the text to send
 * @param recipient who it is for, as the webhook's receiver understands it
 */
public record NotifyRequest(
    @NotBlank @Size(max = 4000) String message, @Size(max = 200) String recipient) {}
