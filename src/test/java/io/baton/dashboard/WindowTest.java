package io.baton.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTest {

  static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @Test
  void should_look_back_seven_days_unless_told_otherwise() {
    assertThat(Window.parse(null, NOW)).isEqualTo(new Window(7, NOW.minus(Duration.ofDays(7))));
    assertThat(Window.parse(" 90 ", NOW).since()).isEqualTo(NOW.minus(Duration.ofDays(90)));
  }

  @Test
  void should_name_the_problem_with_a_window_it_refuses() {
    assertThatThrownBy(() -> Window.parse("91", NOW))
        .hasMessage("days must be from 1 to 90, it is 91");
    assertThatThrownBy(() -> Window.parse("", NOW))
        .hasMessage("days must be a whole number of days from 1 to 90, it is ''");
  }

  @Test
  void should_take_the_nearest_rank_percentile() {
    List<Long> values = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
    assertThat(Percentiles.of(values, 50)).isEqualTo(50);
    assertThat(Percentiles.of(values, 95)).isEqualTo(100);
    assertThat(Percentiles.of(List.of(7L), 95)).isEqualTo(7);
    assertThatThrownBy(() -> Percentiles.of(List.of(), 50))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
