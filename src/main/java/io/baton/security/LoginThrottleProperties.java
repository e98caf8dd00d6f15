package io.baton.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.security.login-throttle.*}.
 *
 * @param maxFailures failed logins in a row from one source for one user before it must wait
 * @param blockFor the first wait; it doubles with each further failure
 * @param maxBlockFor the longest wait
 */
@ConfigurationProperties("baton.security.login-throttle")
record LoginThrottleProperties(
    @DefaultValue("5") int maxFailures,
    @DefaultValue("30s") Duration blockFor,
    @DefaultValue("15m") Duration maxBlockFor) {}
