/** The {@code openai} provider: OpenAI and every OpenAI-compatible server, through langchain4j. */
package io.baton.models.openai;
