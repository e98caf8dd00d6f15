package io.baton.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo run, the configured passwords of the admin and of the workers' service account
 * must meet the password policy; a weak one stops the start with a message that names its setting.
 * Runs before the starter creates the admin account.
 */
@Component
@Order(Ordering.DEFAULT_ORDER - 1)
class ConfiguredPasswords extends AbstractProcessEnginePlugin {

  private final IdentityProperties identity;
  private final CamundaBpmProperties camunda;

  ConfiguredPasswords(IdentityProperties identity, CamundaBpmProperties camunda) {
    this.identity = identity;
    this.camunda = camunda;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (identity.demoUsers() || !engine.getProcessEngineConfiguration().isEnablePasswordPolicy()) {
      return;
    }
    IdentityService identityService = engine.getIdentityService();
    if (camunda.getAdminUser() != null && camunda.getAdminUser().getId() != null) {
      check(
          identityService,
          "BATON_ADMIN_PASSWORD (camunda.bpm.admin-user.password)",
          camunda.getAdminUser().getId(),
          camunda.getAdminUser().getPassword());
    }
    if (identity.workerPassword() != null && !identity.workerPassword().isBlank()) {
      check(
          identityService,
          "BATON_WORKERS_PASSWORD (baton.workers.password)",
          identity.workerUser(),
          identity.workerPassword());
    }
  }

  static void check(IdentityService identity, String setting, String userId, String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "%s is not set: set a password for '%s'".formatted(setting, userId));
    }
    PasswordPolicyResult result =
        identity.checkPasswordAgainstPolicy(password, identity.newUser(userId));
    if (!result.isValid()) {
      throw new IllegalStateException(
          ("%s does not meet the password policy: %s. Choose a stronger password for '%s'"
                  + " (demo passwords are accepted only with baton.identity.demo-users=true)")
              .formatted(setting, PasswordPolicyViolations.describe(result), userId));
    }
  }
}
