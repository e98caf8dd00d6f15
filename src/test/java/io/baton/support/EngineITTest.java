package io.baton.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Tests that start the application declare it with the shared setup, which gives them a JVM each.
 */
@AnalyzeClasses(packages = "io.baton", importOptions = ImportOption.OnlyIncludeTests.class)
class EngineITTest {

  @ArchTest
  static final ArchRule application_tests_use_the_shared_setup =
      classes()
          .that()
          .areMetaAnnotatedWith(SpringBootTest.class)
          .and()
          .areNotAnnotations()
          .should()
          .beMetaAnnotatedWith(EngineIT.class)
          .orShould()
          .beMetaAnnotatedWith(PostgresEngineIT.class)
          .because(
              "Camunda's REST API finds its engine, and its long-polling handler, in static state:"
                  + " two applications in one JVM would share them");
}
