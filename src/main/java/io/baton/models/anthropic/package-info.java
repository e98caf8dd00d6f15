/** The {@code anthropic} provider: Claude models, through langchain4j. */
package io.baton.models.anthropic;
