package io.baton;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries between connectors/, task-workers/ and the engine application in src/. */
@AnalyzeClasses(packages = "io.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] ENGINE_APPLICATION = {
    "io.baton.identity..",
    "io.baton.requests..",
    "io.baton.rest..",
    "io.baton.security..",
    "io.baton.review..",
    "io.baton.governance..",
    "io.baton.effects..",
    "io.baton.audit..",
    "io.baton.documents..",
    "io.baton.events..",
    "io.baton.dashboard..",
    "io.baton.memory.."
  };

  @ArchTest
  static final ArchRule connectors_do_not_touch_the_engine_or_the_workers =
      noClasses()
          .that()
          .resideInAPackage("io.baton.connectors..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              concat(
                  ENGINE_APPLICATION, "io.baton.workers..", "org.camunda..", "dev.langchain4j.."));

  @ArchTest
  static final ArchRule the_engine_does_not_depend_on_the_workers =
      noClasses()
          .that()
          .resideInAnyPackage(ENGINE_APPLICATION)
          .or()
          .resideInAPackage("io.baton.models..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.baton.workers..");

  @ArchTest
  static final ArchRule workers_reach_the_engine_only_through_its_rest_api =
      noClasses()
          .that()
          .resideInAPackage("io.baton.workers..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(concat(ENGINE_APPLICATION, "org.camunda.bpm.engine.."));

  @ArchTest
  static final ArchRule tracing_knows_no_baton_internals =
      noClasses()
          .that()
          .resideInAPackage("io.baton.tracing..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              concat(
                  ENGINE_APPLICATION,
                  "io.baton.workers..",
                  "io.baton.models..",
                  "io.baton.connectors..",
                  "org.camunda.."));

  @ArchTest
  static final ArchRule langchain4j_stays_behind_the_model_interface =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.baton.models..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.langchain4j..");

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
