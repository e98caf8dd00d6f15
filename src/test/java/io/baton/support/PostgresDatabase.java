package io.baton.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a {@link PostgresEngineIT} class its database, created afresh on the embedded server when
 * its application starts, and the passwords of the postgres profile.
 */
public final class PostgresDatabase implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    PostgresEngineIT settings =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, PostgresEngineIT.class);
    return settings == null ? null : new Customizer(databaseName(testClass), settings.demoUsers());
  }

  /** {@code CustomerRequestPostgresIT} -> {@code customer_request_postgres_it}. */
  private static String databaseName(Class<?> testClass) {
    Class<?> outermost = testClass;
    while (outermost.getEnclosingClass() != null) {
      outermost = outermost.getEnclosingClass();
    }
    return outermost.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  /** A record, so that Spring's context cache tells two classes' databases apart. */
  private record Customizer(String database, boolean demoUsers) implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration config) {
      Map<String, Object> properties = new HashMap<>();
      properties.put("spring.datasource.url", EmbeddedPostgres.createDatabase(database));
      properties.put("spring.datasource.username", EmbeddedPostgres.USER);
      properties.put("spring.datasource.password", "");
      properties.put("camunda.bpm.admin-user.password", PostgresEngineIT.ADMIN_PASSWORD);
      properties.put("baton.workers.password", PostgresEngineIT.WORKER_PASSWORD);
      if (context.getEnvironment().getProperty("baton.tools.email.from", "").isBlank()) {
        // unless the test class names a sender of its own
        properties.put("baton.tools.email.from", PostgresEngineIT.EMAIL_FROM);
      }
      if (demoUsers) {
        properties.put("baton.identity.demo-users", "true");
      }
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("postgres-engine-it", properties));
    }
  }
}
