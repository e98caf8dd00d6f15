package io.baton.identity;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Every password set through the engine meets its password policy ({@code enablePasswordPolicy}),
 * and a refusal names the rules it breaks: a {@link BadUserRequestException}, which the REST APIs
 * answer with 400. (The engine's own check says only "Password does not match policy", as a 500.)
 *
 * <p>One exception, in the demo run only: the starter's creation of the configured admin account
 * ({@code camunda.bpm.admin-user}) with its configured password, so that admin/admin works there.
 * The demo users themselves are created by {@link IdentitySetup} with the policy skipped.
 */
@Component
class PasswordPolicyCheck extends AbstractProcessEnginePlugin {

  private static final VarHandle USER = CommandFields.of(SaveUserCmd.class, "user", User.class);
  private static final VarHandle SKIP =
      CommandFields.of(SaveUserCmd.class, "skipPasswordPolicy", boolean.class);
  private static final VarHandle NEW_PASSWORD =
      CommandFields.of(UserEntity.class, "newPassword", String.class);

  private final IdentityProperties identity;
  private final CamundaBpmProperties camunda;

  PasswordPolicyCheck(IdentityProperties identity, CamundaBpmProperties camunda) {
    this.identity = identity;
    this.camunda = camunda;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new Check(configuration));
  }

  private final class Check extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Check(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (command instanceof SaveUserCmd save
          && USER.get(save) instanceof UserEntity user
          && user.hasNewPassword()
          && !(boolean) SKIP.get(save)
          && configuration.isEnablePasswordPolicy()) {
        String password = (String) NEW_PASSWORD.get(user);
        if (isDemoAdmin(user, password)) {
          return next.execute((Command<T>) new SaveUserCmd(user, true));
        }
        PasswordPolicyResult result =
            configuration.getIdentityService().checkPasswordAgainstPolicy(password, user);
        if (!result.isValid()) {
          throw new BadUserRequestException(
              "the password of user '%s' does not meet the password policy: %s"
                  .formatted(user.getId(), PasswordPolicyViolations.describe(result)));
        }
      }
      return next.execute(command);
    }
  }

  private boolean isDemoAdmin(UserEntity user, String password) {
    return identity.demoUsers()
        && user.getRevision() == 0
        && camunda.getAdminUser() != null
        && user.getId().equals(camunda.getAdminUser().getId())
        && password.equals(camunda.getAdminUser().getPassword());
  }
}
