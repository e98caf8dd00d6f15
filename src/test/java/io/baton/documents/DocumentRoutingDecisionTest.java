package io.baton.documents;

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

/** processes/document-routing.dmn, from its inputs to the route it picks. */
class DocumentRoutingDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision routing;

  @BeforeAll
  static void parse() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/document-routing.dmn")) {
      routing = dmn.parseDecision("document-routing", in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                                  | verdict | risk   | conf | amount | policy | route
        "valid, low risk, in limit, policy       | PASS    | LOW    | 0.90 | 240    | true   | AUTO_APPROVE",
        "high risk escalates even when invalid   | FAIL    | HIGH   | 0.90 | 240    | true   | ESCALATE",
        "high risk escalates                     | PASS    | HIGH   | 0.90 | 240    | true   | ESCALATE",
        "invalid fields are reviewed             | FAIL    | LOW    | 0.90 | 240    | true   | REVIEW",
        "no policy found is reviewed             | PASS    | LOW    | 0.90 | 240    | false  | REVIEW",
        "above the limit is reviewed             | PASS    | LOW    | 0.90 | 18500  | true   | REVIEW",
        "an unsure classification is reviewed    | PASS    | LOW    | 0.60 | 240    | true   | REVIEW",
        "medium risk is reviewed                 | PASS    | MEDIUM | 0.90 | 240    | true   | REVIEW"
      })
  void should_route(
      String description,
      String verdict,
      String risk,
      double confidence,
      double amount,
      boolean policyFound,
      String route) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("validationVerdict", verdict);
    inputs.put("risk", risk);
    inputs.put("confidence", confidence);
    inputs.put("totalAmount", amount);
    inputs.put("policyFound", policyFound);

    DmnDecisionResultEntries result = dmn.evaluateDecision(routing, inputs).getSingleResult();

    assertThat(result.<String>getEntry("route")).as(description).isEqualTo(route);
    assertThat(result.<String>getEntry("routeReason")).isNotBlank();
  }
}
