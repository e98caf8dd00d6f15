package io.baton.models;

/**
 * A call asking for room in its model's shared rate window before it is made: one request, and the
 * tokens a provider counts when the request arrives (the prompt, estimated, and max-tokens).
 */
public record RateClaim(
    String callId, String model, Integer requestsPerMinute, Integer tokensPerMinute, long tokens) {}
