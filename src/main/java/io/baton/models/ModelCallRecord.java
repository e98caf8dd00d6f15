package io.baton.models;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One call to a model, as the audit keeps it.
 *
 * @param callId the id the call was given when it was made: a report of it that arrives twice is
 *     kept once
 * @param task what the model was asked to do: classify, draft, extract or ask
 * @param inputHash SHA-256 of what the model saw, so an auditor can match it without storing it
 * @param outcome {@code OK}, {@code UNAVAILABLE}, {@code CIRCUIT_OPEN}, {@code INVALID_OUTPUT} or
 *     {@code ERROR}
 * @param error a short reason when the outcome is not OK
 * @param promptSha256 SHA-256 of the prompt template's text, when a template was used
 * @param output what the model answered (for the case trail; not kept in the call table)
 */
public record ModelCallRecord(
    String callId,
    Instant startedAt,
    String model,
    String provider,
    String providerModel,
    String task,
    String promptId,
    Integer promptVersion,
    int inputTokens,
    int outputTokens,
    BigDecimal cost,
    long latencyMillis,
    String outcome,
    String error,
    String inputHash,
    String processInstanceId,
    String activityId,
    String taskId,
    String promptSha256,
    String output) {}
