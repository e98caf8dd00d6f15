package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.support.DecisionFiles;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' routing table, processes/ai-routing.dmn, from its inputs to the route it picks. */
class AiRoutingDecisionTest {

  private static final DmnDecision routing = DecisionFiles.parse("ai-routing.dmn", "ai-routing");
  private static final DmnDecision fourEyes = DecisionFiles.parse("ai-routing.dmn", "ai-four-eyes");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // case                         | risk     | conf | verdict       | disagree | amount |
        // sensitivity | accuracy | samples | guard verdict | guard risk | route
        "critical always escalates       | CRITICAL | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | ESCALATE",
        "unknown verdict needs approval  | LOW      | 0.99 | FORGED        | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "failed validation needs approval| LOW      | 0.99 | FAIL          | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "ensemble share needs approval   | LOW      | 0.99 | PASS          | 0.333    | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "disagreement needs approval     | LOW      | 0.99 | PASS          | 0.5      | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "large amount needs four eyes    | LOW      | 0.99 | PASS          | 0        | 900    | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "high risk needs four eyes       | HIGH     | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "unsure model needs approval     | MEDIUM   | 0.30 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | REQUIRE_APPROVAL",
        "low measured accuracy suggests  | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | 0.6      | 25      | NOT_GUARDED | LOW      | SUGGEST",
        "few samples do not count        | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | 0.6      | 5       | NOT_GUARDED | LOW      | AUTO_EXECUTE",
        "good measured accuracy acts     | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | 0.95     | 40      | NOT_GUARDED | LOW      | AUTO_EXECUTE",
        "personal data suggests          | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | PERSONAL    | null     | 0       | NOT_GUARDED | LOW      | SUGGEST",
        "low risk and sure acts          | LOW      | 0.85 | PASS          | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | AUTO_EXECUTE",
        "low risk but not sure suggests  | LOW      | 0.70 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | SUGGEST",
        "medium risk suggests            | MEDIUM   | 0.95 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | NOT_GUARDED | LOW      | SUGGEST",
        "guard passes, low risk acts     | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | PASS        | LOW      | AUTO_EXECUTE",
        "guard held back needs approval  | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | REVIEW      | HIGH     | REQUIRE_APPROVAL",
        "guard unfamiliar suggests       | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | REVIEW      | MEDIUM   | SUGGEST",
        "guard critical escalates        | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | REVIEW      | CRITICAL | ESCALATE",
        "guard result missing approves   | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | MISSING     | HIGH     | REQUIRE_APPROVAL",
        "unknown guard verdict suggests  | LOW      | 0.99 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | FORGED      | LOW      | SUGGEST",
        "guard unsure, model unsure      | MEDIUM   | 0.30 | NOT_VALIDATED | 0        | 0      | NORMAL      | null     | 0       | REVIEW      | MEDIUM   | REQUIRE_APPROVAL"
      })
  void should_route(
      String description,
      String risk,
      double confidence,
      String verdict,
      double disagreement,
      double amount,
      String sensitivity,
      Double accuracy,
      int samples,
      String guardVerdict,
      String guardRisk,
      String route) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskType", "customer-intents");
    inputs.put("finalIntent", "ORDER_STATUS");
    inputs.put("confidence", confidence);
    inputs.put("risk", risk);
    inputs.put("validationVerdict", verdict);
    inputs.put("disagreement", disagreement);
    inputs.put("amount", amount);
    inputs.put("sensitivity", sensitivity);
    inputs.put("modelAccuracy", accuracy);
    inputs.put("accuracySamples", samples);
    inputs.put("guardVerdict", guardVerdict);
    inputs.put("guardRisk", guardRisk);
    inputs.put("openCasesSameLabel", 0);
    inputs.put("openCaseRisk", "NONE");

    DmnDecisionResultEntries result =
        DecisionFiles.DMN.evaluateDecision(routing, inputs).getSingleResult();

    assertThat(result.<String>getEntry("route")).as(description).isEqualTo(route);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                                    | intent         | risk | same | open risk |
        // route
        "no open case: answered automatically       | ORDER_STATUS   | LOW  | 0    | NONE      | AUTO_EXECUTE",
        "an open low-risk case of another kind      | ORDER_STATUS   | LOW  | 0    | LOW       | AUTO_EXECUTE",
        "an open medium-risk case of another kind   | ORDER_STATUS   | LOW  | 0    | MEDIUM    | AUTO_EXECUTE",
        "an open case of the same kind              | ORDER_STATUS   | LOW  | 1    | LOW       | SUGGEST",
        "an open refund case, asking about an order | ORDER_STATUS   | LOW  | 0    | HIGH      | SUGGEST",
        "an open critical case                      | PASSWORD_RESET | LOW  | 0    | CRITICAL  | SUGGEST",
        "an open case not classified yet            | ORDER_STATUS   | LOW  | 0    | UNKNOWN   | SUGGEST",
        "an open risk the table does not list       | ORDER_STATUS   | LOW  | 0    | FORGED    | SUGGEST",
        "a second refund while the first is open    | REFUND_REQUEST | HIGH | 1    | HIGH      | REQUIRE_APPROVAL"
      })
  void should_not_auto_answer_a_customer_with_an_open_case_as_if_it_were_the_first_time(
      String description,
      String intent,
      String risk,
      int sameLabel,
      String openCaseRisk,
      String route) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskType", "customer-intents");
    inputs.put("finalIntent", intent);
    inputs.put("confidence", 0.95);
    inputs.put("risk", risk);
    inputs.put("validationVerdict", "NOT_VALIDATED");
    inputs.put("disagreement", 0.0);
    inputs.put("amount", 0.0);
    inputs.put("sensitivity", "NORMAL");
    inputs.put("modelAccuracy", null);
    inputs.put("accuracySamples", 0);
    inputs.put("guardVerdict", "PASS");
    inputs.put("guardRisk", "LOW");
    inputs.put("openCasesSameLabel", sameLabel);
    inputs.put("openCaseRisk", openCaseRisk);

    DmnDecisionResultEntries result =
        DecisionFiles.DMN.evaluateDecision(routing, inputs).getSingleResult();

    assertThat(result.<String>getEntry("route")).as(description).isEqualTo(route);
    if (sameLabel > 0 && route.equals("SUGGEST")) {
      assertThat(result.<String>getEntry("reason")).contains("already has an open case");
    }
  }

  @ParameterizedTest(name = "amount {0}, risk {1}, guard risk {2} -> four eyes {3}")
  @CsvSource({
    "0, LOW, LOW, false",
    "0, MEDIUM, LOW, false",
    "900, LOW, LOW, true",
    "0, HIGH, LOW, true",
    "0, CRITICAL, LOW, true",
    "500, MEDIUM, LOW, false",
    "0, LOW, MEDIUM, false",
    "0, LOW, HIGH, true",
    "0, LOW, CRITICAL, true"
  })
  void should_ask_for_four_eyes_whatever_the_route(
      double amount, String risk, String guardRisk, boolean expected) {
    DmnDecisionResultEntries result =
        DecisionFiles.DMN
            .evaluateDecision(
                fourEyes, Map.of("amount", amount, "risk", risk, "guardRisk", guardRisk))
            .getSingleResult();

    assertThat(result.<Boolean>getEntry("fourEyes")).isEqualTo(expected);
  }
}
