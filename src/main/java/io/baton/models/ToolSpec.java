package io.baton.models;

/**
 * A tool as a model is told of it.
 *
 * @param parametersSchema the JSON schema of its arguments, as JSON text
 */
public record ToolSpec(String name, String description, String parametersSchema) {}
