package io.baton.governance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.routing.*}.
 *
 * @param minAccuracy below this measured accuracy a model is never auto-executed for a task type
 * @param minSamples reviewer decisions needed before the measured accuracy counts
 */
@ConfigurationProperties("baton.routing")
public record RoutingProperties(
    @DefaultValue("0.8") double minAccuracy, @DefaultValue("10") int minSamples) {}
