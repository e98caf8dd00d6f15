/** The {@code ollama} provider: models served by Ollama, through langchain4j. */
package io.baton.models.ollama;
