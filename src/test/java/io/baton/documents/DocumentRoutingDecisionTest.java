package io.baton.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.connectors.vocabulary.Route;
import io.baton.support.DecisionFiles;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * processes/document-routing.dmn, from its inputs to the route it picks and whether two approve.
 */
class DocumentRoutingDecisionTest {

  private static final DmnDecision routing =
      DecisionFiles.parse("document-routing.dmn", "document-routing");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                                     | verdict | risk     | conf | amount | policy |
        // route            | four eyes
        "valid, low risk, sure, in limit, policy    | PASS    | LOW      | 0.90 | 240    | true   | AUTO_EXECUTE     | false",
        "the same at exactly 5,000                  | PASS    | LOW      | 0.90 | 5000   | true   | AUTO_EXECUTE     | false",
        "the same above 5,000: two would approve    | PASS    | LOW      | 0.90 | 7500   | true   | AUTO_EXECUTE     | true",
        "the same at exactly 10,000                 | PASS    | LOW      | 0.75 | 10000  | true   | AUTO_EXECUTE     | true",
        "nothing wrong but unsure is suggested      | PASS    | LOW      | 0.60 | 240    | true   | SUGGEST          | false",
        "unsure above 5,000 needs two people        | PASS    | LOW      | 0.60 | 7500   | true   | SUGGEST          | true",
        "high risk escalates even when invalid      | FAIL    | HIGH     | 0.90 | 240    | true   | ESCALATE         | true",
        "high risk escalates                        | PASS    | HIGH     | 0.90 | 240    | true   | ESCALATE         | true",
        "critical risk escalates                    | PASS    | CRITICAL | 0.90 | 240    | true   | ESCALATE         | true",
        "invalid fields need approval               | FAIL    | LOW      | 0.90 | 240    | true   | REQUIRE_APPROVAL | true",
        "invalid and unsure still need approval     | FAIL    | LOW      | 0.60 | 240    | true   | REQUIRE_APPROVAL | true",
        "a missing verdict needs approval           | MISSING | LOW      | 0.90 | 240    | true   | REQUIRE_APPROVAL | true",
        "no policy found needs approval             | PASS    | LOW      | 0.90 | 240    | false  | REQUIRE_APPROVAL | true",
        "above the limit needs approval             | PASS    | LOW      | 0.90 | 18500  | true   | REQUIRE_APPROVAL | true",
        "medium risk needs approval                 | PASS    | MEDIUM   | 0.90 | 240    | true   | REQUIRE_APPROVAL | true",
        "medium risk and unsure needs approval      | PASS    | MEDIUM   | 0.60 | 240    | true   | REQUIRE_APPROVAL | true",
        "a negative total needs approval            | PASS    | LOW      | 0.90 | -240   | true   | REQUIRE_APPROVAL | true"
      })
  void should_route(
      String description,
      String verdict,
      String risk,
      double confidence,
      double amount,
      boolean policyFound,
      Route route,
      boolean fourEyes) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("validationVerdict", verdict);
    inputs.put("risk", risk);
    inputs.put("confidence", confidence);
    inputs.put("totalAmount", amount);
    inputs.put("policyFound", policyFound);

    DmnDecisionResultEntries result =
        DecisionFiles.DMN.evaluateDecision(routing, inputs).getSingleResult();

    assertThat(result.<String>getEntry("route")).as(description).isEqualTo(route.name());
    assertThat(result.<Boolean>getEntry("fourEyes")).as(description).isEqualTo(fourEyes);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
  }
}
