package io.baton.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outside the demo run a weak configured password stops the start and names its setting. */
class ConfiguredPasswordsTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engineWithPasswordPolicy() {
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:passwords-" + UUID.randomUUID())
            .setEnablePasswordPolicy(true)
            .setProcessEngineName("passwords-" + UUID.randomUUID())
            .buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void should_stop_the_start_naming_the_admin_password_setting() {
    assertThatThrownBy(
            () -> plugin(false, "admin", "C0rrect-Battery&Staple").postProcessEngineBuild(engine))
        .hasMessageContaining("BATON_ADMIN_PASSWORD (camunda.bpm.admin-user.password)")
        .hasMessageContaining("PASSWORD_POLICY_LENGTH");
  }

  @Test
  void should_stop_the_start_naming_the_workers_password_setting() {
    assertThatThrownBy(
            () ->
                plugin(false, "Tr0ub4dor&3-Horse", "worker-dev-only")
                    .postProcessEngineBuild(engine))
        .hasMessageContaining("BATON_WORKERS_PASSWORD (baton.workers.password)")
        .hasMessageContaining("PASSWORD_POLICY_DIGIT");
  }

  @Test
  void should_accept_strong_passwords_and_the_demo_run() {
    assertThatCode(
            () ->
                plugin(false, "Tr0ub4dor&3-Horse", "C0rrect-Battery&Staple")
                    .postProcessEngineBuild(engine))
        .doesNotThrowAnyException();
    assertThatCode(() -> plugin(true, "admin", "worker-dev-only").postProcessEngineBuild(engine))
        .doesNotThrowAnyException();
  }

  private static ConfiguredPasswords plugin(boolean demo, String admin, String worker) {
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    camunda.getAdminUser().setId("admin");
    camunda.getAdminUser().setPassword(admin);
    return new ConfiguredPasswords(new IdentityProperties(demo, "worker", worker), camunda);
  }
}
