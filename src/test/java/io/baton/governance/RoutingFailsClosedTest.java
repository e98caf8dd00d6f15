package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.vocabulary.Route;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes every routing decision in {@code processes/}, evaluated by the DMN engine alone: from
 * inputs that act on their own, one input at a time is left out, made NaN or infinite, given the
 * wrong type or a value the table does not list. None of these may act on its own, and a four-eyes
 * decision (or column) fed the same, also from inputs that one person may approve, must ask for two
 * people.
 */
class RoutingFailsClosedTest {

  private static final String AUTO_EXECUTE = Route.AUTO_EXECUTE.name();

  private static DmnEngine dmn;

  @BeforeAll
  static void engine() {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  }

  private static final Map<String, DmnDecision> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Parsed once per decision: the fuzz evaluates each of them hundreds of times. */
  static DmnDecision decision(String file, String id) {
    return PARSED.computeIfAbsent(
        file + "#" + id,
        key -> {
          try (InputStream in = new FileInputStream("processes/" + file)) {
            return dmn.parseDecision(id, in);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static Map<String, Object> aiRoutingThatActs() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskType", "customer-intents");
    inputs.put("finalIntent", "ORDER_STATUS");
    inputs.put("confidence", 0.95);
    inputs.put("risk", "LOW");
    inputs.put("validationVerdict", "PASS");
    inputs.put("disagreement", 0.0);
    inputs.put("amount", 20.0);
    inputs.put("sensitivity", "NORMAL");
    inputs.put("modelAccuracy", 0.95);
    inputs.put("accuracySamples", 40);
    inputs.put("guardVerdict", "PASS");
    inputs.put("guardRisk", "LOW");
    inputs.put("openCasesSameLabel", 0);
    inputs.put("openCaseRisk", "NONE");
    return inputs;
  }

  static Map<String, Object> documentRoutingThatActs() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("validationVerdict", "PASS");
    inputs.put("risk", "LOW");
    inputs.put("confidence", 0.95);
    inputs.put("totalAmount", 900.0);
    inputs.put("policyFound", true);
    return inputs;
  }

  /** Inputs that document-routing suggests to one reviewer: nothing wrong, but unsure. */
  static Map<String, Object> documentRoutingThatOneApproves() {
    Map<String, Object> inputs = documentRoutingThatActs();
    inputs.put("confidence", 0.6);
    return inputs;
  }

  /** Each input of a decision that acts, broken one way at a time. */
  static List<Map<String, Object>> broken(Map<String, Object> acting) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String name : acting.keySet()) {
      Object good = acting.get(name);
      List<Object> bad = new ArrayList<>();
      bad.add(null);
      bad.add("UNLISTED");
      if (good instanceof Number) {
        // (not a number as text such as "0.9": the column's typeRef converts it to that number)
        bad.addAll(
            List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 1e12));
      } else if (!(good instanceof Boolean)) {
        bad.addAll(List.of("", "low", 42));
      }
      for (Object value : bad) {
        Map<String, Object> inputs = new HashMap<>(acting);
        inputs.put(name, value);
        inputs.put("__case", name + "=" + value);
        cases.add(inputs);
      }
    }
    return cases;
  }

  static Stream<Arguments> aiRouting() {
    return broken(aiRoutingThatActs()).stream()
        .map(inputs -> Arguments.of(inputs.remove("__case"), inputs));
  }

  static Stream<Arguments> documentRouting() {
    return broken(documentRoutingThatActs()).stream()
        .map(inputs -> Arguments.of(inputs.remove("__case"), inputs));
  }

  static Stream<Arguments> documentRoutingOneApproval() {
    return Stream.concat(
        documentRouting(),
        broken(documentRoutingThatOneApproves()).stream()
            .map(inputs -> Arguments.of("unsure, " + inputs.remove("__case"), inputs)));
  }

  @ParameterizedTest(name = "ai-routing with {0}")
  @MethodSource("aiRouting")
  void ai_routing_never_acts_on_a_broken_input(String brokenInput, Map<String, Object> inputs) {
    assertThat(route(decision("ai-routing.dmn", "ai-routing"), aiRoutingThatActs()))
        .isEqualTo(AUTO_EXECUTE);

    assertThat(route(decision("ai-routing.dmn", "ai-routing"), inputs))
        .as(brokenInput)
        .isNotEqualTo(AUTO_EXECUTE);
  }

  @ParameterizedTest(name = "ai-four-eyes with {0}")
  @MethodSource("aiRouting")
  void four_eyes_are_asked_for_on_a_broken_input(String brokenInput, Map<String, Object> inputs) {
    if (!List.of("amount", "risk", "guardRisk").contains(brokenInput.split("=")[0])) {
      return; // the four-eyes table reads only these
    }
    Boolean fourEyes;
    try {
      fourEyes =
          dmn.evaluateDecision(decision("ai-routing.dmn", "ai-four-eyes"), inputs)
              .getSingleResult()
              .getEntry("fourEyes");
    } catch (RuntimeException refused) {
      fourEyes = null; // the engine refuses the inputs: an incident, nothing acts
    }

    assertThat(fourEyes).as(brokenInput).isNotEqualTo(Boolean.FALSE);
  }

  @ParameterizedTest(name = "document-routing with {0}")
  @MethodSource("documentRouting")
  void document_routing_never_approves_a_broken_input(
      String brokenInput, Map<String, Object> inputs) {
    DmnDecision routing = decision("document-routing.dmn", "document-routing");
    assertThat(route(routing, documentRoutingThatActs())).isEqualTo(AUTO_EXECUTE);

    assertThat(route(routing, inputs)).as(brokenInput).isNotEqualTo(AUTO_EXECUTE);
  }

  @ParameterizedTest(name = "document-routing four eyes with {0}")
  @MethodSource("documentRoutingOneApproval")
  void document_routing_asks_for_four_eyes_on_a_broken_input(
      String brokenInput, Map<String, Object> inputs) {
    DmnDecision routing = decision("document-routing.dmn", "document-routing");
    assertThat(fourEyes(routing, documentRoutingThatActs())).isFalse();
    assertThat(fourEyes(routing, documentRoutingThatOneApproves())).isFalse();

    assertThat(fourEyes(routing, inputs)).as(brokenInput).isNotEqualTo(Boolean.FALSE);
  }

  /** The four-eyes answer, or null when no rule matched or the engine refuses the inputs. */
  private static Boolean fourEyes(DmnDecision decision, Map<String, Object> inputs) {
    try {
      DmnDecisionResultEntries result = dmn.evaluateDecision(decision, inputs).getSingleResult();
      return result == null ? null : result.getEntry("fourEyes");
    } catch (RuntimeException refused) {
      return null; // an incident: nothing acts
    }
  }

  /** The route, or "REFUSED" when the engine refuses the inputs (an incident, never an action). */
  private static String route(DmnDecision decision, Map<String, Object> inputs) {
    try {
      DmnDecisionResultEntries result = dmn.evaluateDecision(decision, inputs).getSingleResult();
      return result == null ? "NO_RULE" : result.getEntry("route");
    } catch (RuntimeException refused) {
      return "REFUSED: " + refused.getMessage();
    }
  }
}
