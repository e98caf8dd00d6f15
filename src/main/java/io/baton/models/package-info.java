/**
 * Named models and their providers. Connectors ask the {@link io.baton.models.ModelRegistry} for a
 * model by name; langchain4j stays behind the {@link io.baton.models.Model} interface.
 */
package io.baton.models;
