/**
 * An OpenAI-compatible chat-completions server on loopback with scripted replies, latency and
 * injected failures, so tests and benchmarks reach it through langchain4j's real OpenAI client.
 */
package io.baton.models.simulator;
