package io.baton.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.identity.*}.
 *
 * @param demoUsers create analyst, reviewer, supervisor, auditor, operator and integration with
 *     their names as passwords
 * @param workerUser the service account the task workers use on the REST API
 * @param workerPassword its password; no account is created without one
 */
@ConfigurationProperties("baton.identity")
public record IdentityProperties(
    @DefaultValue("false") boolean demoUsers,
    @DefaultValue("worker") String workerUser,
    String workerPassword) {

  @Override
  public String toString() {
    return "IdentityProperties[demoUsers=%s, workerUser=%s]".formatted(demoUsers, workerUser);
  }
}
