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

/**
 * The whole engine application on a random port in the embedded default of the {@code test}
 * profile: H2 in memory, the embedded workers, the offline {@code local} model. {@link
 * PostgresEngineIT} is the same on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag(EngineIT.TAG)
@ActiveProfiles("test")
public @interface EngineIT {

  /**
   * The JUnit tag of the tests that start the application; the build runs each such class in a JVM
   * of its own (pom.xml, execution {@code engine-tests}), the others together in one.
   */
  String TAG = "engine";

  /** Settings for this test class, as {@code key=value}: {@code baton.workers.enabled=false}. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
