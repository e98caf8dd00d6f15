package io.baton.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The whole engine application on a random port with the {@code postgres} profile, as it runs in
 * production, on a database of its own named after the test class on the embedded PostgreSQL server
 * ({@link EmbeddedPostgres}). The settings the profile refuses to default are given: the database,
 * the passwords and the e-mail sender below.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag(EngineIT.TAG)
@ActiveProfiles({"test", "postgres"})
@ContextCustomizerFactories(PostgresDatabase.class)
public @interface PostgresEngineIT {

  /** The password of {@code admin}; it meets the password policy. */
  String ADMIN_PASSWORD = "Test-Adm1n!Secret";

  /** The password of the workers' service account {@code worker}; it meets the password policy. */
  String WORKER_PASSWORD = "Test-W0rker!Secret";

  /** The sender of e-mail, which the postgres profile leaves unset. */
  String EMAIL_FROM = "Baton test <baton@test.example>";

  /** Settings for this test class, as {@code key=value}: {@code baton.workers.enabled=false}. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};

  /**
   * Creates the demo users (reviewer, supervisor, ..., each with its name as password), which the
   * postgres profile leaves out; with them the configured passwords are not checked at start.
   */
  boolean demoUsers() default false;
}
