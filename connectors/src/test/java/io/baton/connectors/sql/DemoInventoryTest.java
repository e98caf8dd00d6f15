package io.baton.connectors.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded run has a demo data source {@code inventory} (application.yml); the production
 * profile {@code postgres} and a standalone worker have none, so a deployment that forgets its own
 * gets an incident naming the setting instead of demo stock.
 */
class DemoInventoryTest {

  @Test
  void should_read_the_demo_stock_in_the_embedded_run() {
    SqlToolsProperties tools = settings(Set.of());
    assertThat(tools.sql()).containsKey("inventory");

    try (SqlFunction sql = new SqlFunction(tools)) {
      SqlQueryResult result =
          sql.apply(
              new SqlQueryRequest(
                  "inventory",
                  "SELECT warehouse, on_hand, reserved FROM inventory WHERE sku = :sku"
                      + " ORDER BY warehouse",
                  Map.of("sku", "PUMP-200")),
              TaskContext.NONE);

      assertThat(result.rows())
          .extracting(row -> row.get("warehouse"))
          .containsExactly("hamburg", "poznan", "rotterdam");
      assertThat(result.rows().get(0)).containsEntry("on_hand", 2).containsEntry("reserved", 2);
    }
  }

  @Test
  void should_have_no_demo_data_source_under_the_production_profile() {
    assertThat(settings(Set.of("postgres")).sql()).isEmpty();
    assertThat(settings(Set.of("worker")).sql()).as("a standalone worker").isEmpty();
    assertThat(settings(Set.of("postgres", "worker")).sql()).isEmpty();
  }

  /** {@code baton.tools} as application.yml and its profile files set it for these profiles. */
  private static SqlToolsProperties settings(Set<String> profiles) {
    List<PropertySource<?>> sources = new ArrayList<>();
    for (String profile : profiles) {
      sources.addAll(documents("application-" + profile + ".yml", profiles));
    }
    sources.addAll(documents("application.yml", profiles));
    return new Binder(ConfigurationPropertySources.from(sources))
        .bindOrCreate("baton.tools", SqlToolsProperties.class);
  }

  private static List<PropertySource<?>> documents(String file, Set<String> profiles) {
    ClassPathResource resource = new ClassPathResource(file);
    if (!resource.exists()) {
      return List.of();
    }
    try {
      return new YamlPropertySourceLoader()
          .load(file, resource).stream().filter(document -> active(document, profiles)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean active(PropertySource<?> document, Set<String> profiles) {
    Object onProfile = document.getProperty("spring.config.activate.on-profile");
    return onProfile == null || Profiles.of(onProfile.toString()).matches(profiles::contains);
  }
}
