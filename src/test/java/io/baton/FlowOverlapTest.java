package io.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No two sequence flows of a drawn diagram lie on top of each other. */
class FlowOverlapTest {

  static List<Path> drawn() throws IOException {
    return Diagrams.drawn();
  }

  @ParameterizedTest
  @MethodSource("drawn")
  void no_two_sequence_flows_are_drawn_over_each_other(Path file) {
    assertThat(FlowOverlaps.in(Bpmn.readModelFromFile(file.toFile())))
        .as("%s: sequence flows drawn over each other", file)
        .isEmpty();
  }

  @Test
  void sees_two_flows_that_leave_a_gateway_along_the_same_line() {
    Path file = Diagrams.BROKEN.resolve("overlapping-flows.bpmn");

    assertThat(FlowOverlaps.in(Bpmn.readModelFromFile(file.toFile())))
        .containsExactly(
            "'flow-to-a' and 'flow-to-b' are drawn over each other from (255,143) to (255,250)");
  }
}
