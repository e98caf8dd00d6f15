package io.baton.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerPropertiesTest {

  private static WorkerProperties with(List<String> include, List<String> exclude) {
    return new WorkerProperties(
        true,
        null,
        "worker",
        "secret",
        "w",
        Duration.ofSeconds(60),
        100,
        10,
        16,
        Duration.ofSeconds(5),
        3,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        Map.of(),
        include,
        exclude);
  }

  @Test
  void runs_every_connector_unless_told_which_to_include_or_leave_out() {
    assertThat(with(List.of(), List.of()).runs("baton.http")).isTrue();
    assertThat(with(List.of("http"), List.of()).runs("baton.http")).isTrue();
    assertThat(with(List.of("http"), List.of()).runs("baton.sql")).isFalse();
    assertThat(with(List.of(), List.of("http")).runs("baton.http")).isFalse();
    assertThat(with(List.of(), List.of("http")).runs("baton.sql")).isTrue();
  }
}
