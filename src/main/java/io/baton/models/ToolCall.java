package io.baton.models;

import java.util.Objects;

/**
 * A model's request to call a tool.
 *
 * @param id the provider's id of the call, which its result names
 * @param arguments the arguments as the model wrote them: JSON text, not yet checked
 */
public record ToolCall(String id, String name, String arguments) {

  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
  }
}
