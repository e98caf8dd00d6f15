/**
 * Traces with the OpenTelemetry GenAI semantic conventions: the span of each external task, and
 * inside it the {@code chat}, {@code execute_tool} and {@code invoke_agent} spans, each linked to
 * its case; exported over OTLP only when {@code baton.tracing.otlp-endpoint} is set.
 */
package io.baton.tracing;
