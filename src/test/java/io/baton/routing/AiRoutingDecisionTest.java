package io.baton.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' routing table, processes/ai-routing.dmn, from its inputs to the route it picks. */
class AiRoutingDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision routing;
  private static DmnDecision fourEyes;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/ai-routing.dmn")) {
      routing = dmn.parseDecision("ai-routing", in);
    }
    try (InputStream in = new FileInputStream("processes/ai-routing.dmn")) {
      fourEyes = dmn.parseDecision("ai-four-eyes", in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // case                         | risk     | conf | verdict       | disagree | amount |
        // sensitivity | accuracy | samples | route
        "critical always escalates       | CRITICAL | 0.99 | NOT_VALIDATED | false    | 0      | NORMAL      | null     | 0       | ESCALATE",
        "failed validation needs approval| LOW      | 0.99 | FAILED        | false    | 0      | NORMAL      | null     | 0       | REQUIRE_APPROVAL",
        "disagreement needs approval     | LOW      | 0.99 | PASSED        | true     | 0      | NORMAL      | null     | 0       | REQUIRE_APPROVAL",
        "large amount needs four eyes    | LOW      | 0.99 | PASSED        | false    | 900    | NORMAL      | null     | 0       | REQUIRE_APPROVAL",
        "high risk needs four eyes       | HIGH     | 0.99 | NOT_VALIDATED | false    | 0      | NORMAL      | null     | 0       | REQUIRE_APPROVAL",
        "unsure model needs approval     | MEDIUM   | 0.30 | NOT_VALIDATED | false    | 0      | NORMAL      | null     | 0       | REQUIRE_APPROVAL",
        "low measured accuracy suggests  | LOW      | 0.99 | NOT_VALIDATED | false    | 0      | NORMAL      | 0.6      | 25      | SUGGEST",
        "few samples do not count        | LOW      | 0.99 | NOT_VALIDATED | false    | 0      | NORMAL      | 0.6      | 5       | AUTO_EXECUTE",
        "good measured accuracy acts     | LOW      | 0.99 | NOT_VALIDATED | false    | 0      | NORMAL      | 0.95     | 40      | AUTO_EXECUTE",
        "personal data suggests          | LOW      | 0.99 | NOT_VALIDATED | false    | 0      | PERSONAL    | null     | 0       | SUGGEST",
        "low risk and sure acts          | LOW      | 0.85 | PASSED        | false    | 0      | NORMAL      | null     | 0       | AUTO_EXECUTE",
        "low risk but not sure suggests  | LOW      | 0.70 | NOT_VALIDATED | false    | 0      | NORMAL      | null     | 0       | SUGGEST",
        "medium risk suggests            | MEDIUM   | 0.95 | NOT_VALIDATED | false    | 0      | NORMAL      | null     | 0       | SUGGEST"
      })
  void should_route(
      String description,
      String risk,
      double confidence,
      String verdict,
      boolean disagreement,
      double amount,
      String sensitivity,
      Double accuracy,
      int samples,
      String route) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskType", "customer-intents");
    inputs.put("finalIntent", "ANY");
    inputs.put("confidence", confidence);
    inputs.put("risk", risk);
    inputs.put("validationVerdict", verdict);
    inputs.put("disagreement", disagreement);
    inputs.put("amount", amount);
    inputs.put("sensitivity", sensitivity);
    inputs.put("modelAccuracy", accuracy);
    inputs.put("accuracySamples", samples);

    DmnDecisionResultEntries result = dmn.evaluateDecision(routing, inputs).getSingleResult();

    assertThat(result.<String>getEntry("route")).as(description).isEqualTo(route);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
  }

  @ParameterizedTest(name = "amount {0}, risk {1} -> four eyes {2}")
  @CsvSource({
    "0, LOW, false",
    "0, MEDIUM, false",
    "900, LOW, true",
    "0, HIGH, true",
    "0, CRITICAL, true",
    "500, MEDIUM, false"
  })
  void should_ask_for_four_eyes_whatever_the_route(double amount, String risk, boolean expected) {
    DmnDecisionResultEntries result =
        dmn.evaluateDecision(fourEyes, Map.of("amount", amount, "risk", risk)).getSingleResult();

    assertThat(result.<Boolean>getEntry("fourEyes")).isEqualTo(expected);
  }
}
