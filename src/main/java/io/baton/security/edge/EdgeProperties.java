package io.baton.security.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code baton.security.*}: limits at the HTTP edge.
 *
 * @param maxRequestSize the largest body of a request to the REST APIs
 * @param maxDeploymentSize the largest deployment upload
 * @param maxVariables the most variables one request may set
 * @param startsPerPeriod how many processes one user may start per period
 * @param startPeriod the period of {@code startsPerPeriod}
 */
@ConfigurationProperties("baton.security")
public record EdgeProperties(
    @DefaultValue("1MB") DataSize maxRequestSize,
    @DefaultValue("10MB") DataSize maxDeploymentSize,
    @DefaultValue("100") int maxVariables,
    @DefaultValue("60") int startsPerPeriod,
    @DefaultValue("1m") Duration startPeriod) {}
