package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.vocabulary.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The floor around the routing tables: whatever a table answers, a case with a decision input that
 * is missing, not a finite number, of the wrong type or text the table does not list is never
 * auto-executed, and the reason names the input. Each routing decision of {@code processes/} is
 * read as the engine reads it; every input of inputs that act is broken one way at a time, and the
 * table is assumed to answer AUTO_EXECUTE anyway.
 */
class DecisionInputsTest {

  @BeforeAll
  static void engine() {
    RoutingFailsClosedTest.engine();
  }

  static Stream<Arguments> brokenInputs() {
    return Stream.of(
            Map.entry(
                DecisionInputs.of(RoutingFailsClosedTest.decision("ai-routing.dmn", "ai-routing")),
                RoutingFailsClosedTest.aiRoutingThatActs()),
            Map.entry(
                DecisionInputs.of(
                    RoutingFailsClosedTest.decision("document-routing.dmn", "document-routing")),
                RoutingFailsClosedTest.documentRoutingThatActs()))
        .flatMap(
            decision ->
                RoutingFailsClosedTest.broken(decision.getValue()).stream()
                    .map(
                        inputs ->
                            Arguments.of(inputs.remove("__case"), decision.getKey(), inputs)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenInputs")
  void a_broken_input_never_auto_executes_and_is_named(
      String brokenCase, DecisionInputs decision, Map<String, Object> inputs) {
    String input = brokenCase.substring(0, brokenCase.indexOf('='));
    Object value = inputs.get(input);
    boolean stillValid =
        (value instanceof Double number && Double.isFinite(number))
            || (value == null && input.equals("modelAccuracy")); // the table lists null for it
    RoutingPolicy.Route routed =
        RoutingPolicy.withInputProblems(
            new RoutingPolicy.Route(Route.AUTO_EXECUTE.name(), "the table says act"),
            decision.problems(inputs));

    if (stillValid) {
      assertThat(routed.route()).as(brokenCase).isEqualTo("AUTO_EXECUTE");
    } else {
      assertThat(routed.route()).as(brokenCase).isEqualTo("REQUIRE_APPROVAL");
      assertThat(routed.reason()).as(brokenCase).contains("input '" + input + "'");
    }
  }

  @Test
  void the_inputs_that_act_have_no_problem() {
    DecisionInputs aiRouting =
        DecisionInputs.of(RoutingFailsClosedTest.decision("ai-routing.dmn", "ai-routing"));

    assertThat(aiRouting.problems(RoutingFailsClosedTest.aiRoutingThatActs())).isEmpty();
    assertThat(aiRouting.variables()).contains("finalIntent", "amount", "guardVerdict");
  }

  @Test
  void a_problem_is_named_on_a_route_that_does_not_act_too_but_unlisted_text_is_not() {
    Map<String, Object> inputs = new HashMap<>(RoutingFailsClosedTest.aiRoutingThatActs());
    inputs.remove("amount");
    inputs.put("finalIntent", "COMPLAINT");
    List<DecisionInputs.Problem> problems =
        DecisionInputs.of(RoutingFailsClosedTest.decision("ai-routing.dmn", "ai-routing"))
            .problems(inputs);

    RoutingPolicy.Route routed =
        RoutingPolicy.withInputProblems(
            new RoutingPolicy.Route("SUGGEST", "A reviewer sees it"), problems);

    assertThat(routed.route()).isEqualTo("SUGGEST");
    assertThat(routed.reason()).isEqualTo("A reviewer sees it. Also: input 'amount' is missing");
  }
}
