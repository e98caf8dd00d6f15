package io.baton.supplychain;

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
 * The two decision tables of supply-chain-disruption: disruption-impact, which proposes a reroute
 * where no generative model does, and disruption-routing, which decides how many people approve it.
 */
class DisruptionDecisionsTest {

  private static final DmnDecision impact =
      DecisionFiles.parse("disruption-impact.dmn", "disruption-impact");
  private static final DmnDecision routing =
      DecisionFiles.parse("disruption-routing.dmn", "disruption-routing");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                                 | days | qty | most free | impact | option
        // | from      | cost
        "two days late waits                    | 2    | 30  | 34        | LOW    | WAIT             |           | 0",
        "nine days, enough stock: transfer      | 9    | 30  | 34        | HIGH   | TRANSFER_STOCK   | rotterdam | 1350",
        "four days, enough stock: transfer      | 4    | 30  | 30        | MEDIUM | TRANSFER_STOCK   | rotterdam | 1350",
        "nine days, too little stock: expedite  | 9    | 40  | 34        | HIGH   | EXPEDITE_FREIGHT |           | 7200",
        "four days, no stock: expedite          | 4    | 10  | 0         | MEDIUM | EXPEDITE_FREIGHT |           | 1800"
      })
  void should_propose(
      String description,
      int delayDays,
      int quantity,
      double availableElsewhere,
      String expectedImpact,
      String option,
      String warehouse,
      double cost) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("delayDays", delayDays);
    inputs.put("quantity", quantity);
    inputs.put("availableElsewhere", availableElsewhere);
    inputs.put("bestWarehouse", "rotterdam");

    DmnDecisionResultEntries result =
        DecisionFiles.DMN.evaluateDecision(impact, inputs).getSingleResult();

    assertThat(result.<String>getEntry("impact")).as(description).isEqualTo(expectedImpact);
    assertThat(result.<String>getEntry("rerouteOption")).as(description).isEqualTo(option);
    assertThat(result.<String>getEntry("rerouteWarehouse"))
        .as(description)
        .isEqualTo(warehouse == null ? "" : warehouse);
    assertThat(((Number) result.getEntry("rerouteCost")).doubleValue())
        .as(description)
        .isEqualTo(cost);
    assertThat(result.<String>getEntry("rerouteRationale")).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                                  | option           | impact | cost     | route
        //       | four eyes
        "a small transfer runs on its own        | TRANSFER_STOCK   | MEDIUM | 900      | AUTO_EXECUTE     | false",
        "exactly 1,000 runs on its own           | TRANSFER_STOCK   | HIGH   | 1000     | AUTO_EXECUTE     | false",
        "waiting costs nothing                   | WAIT             | LOW    | 0        | AUTO_EXECUTE     | false",
        "above 1,000 one person approves         | TRANSFER_STOCK   | HIGH   | 1350     | REQUIRE_APPROVAL | false",
        "exactly 10,000 one person approves      | EXPEDITE_FREIGHT | HIGH   | 10000    | REQUIRE_APPROVAL | false",
        "above 10,000 two people approve         | EXPEDITE_FREIGHT | HIGH   | 18000    | REQUIRE_APPROVAL | true",
        "a high impact left waiting escalates    | WAIT             | HIGH   | 0        | ESCALATE         | true",
        "an option the table does not know       | TELEPORT         | LOW    | 10       | REQUIRE_APPROVAL | true",
        "an impact the table does not know       | TRANSFER_STOCK   | SEVERE | 10       | REQUIRE_APPROVAL | true",
        "a negative cost                         | TRANSFER_STOCK   | LOW    | -5       | REQUIRE_APPROVAL | true"
      })
  void should_route(
      String description,
      String option,
      String impactLevel,
      double cost,
      Route route,
      boolean fourEyes) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("rerouteOption", option);
    inputs.put("impact", impactLevel);
    inputs.put("rerouteCost", cost);

    DmnDecisionResultEntries result =
        DecisionFiles.DMN.evaluateDecision(routing, inputs).getSingleResult();

    assertThat(result.<String>getEntry("route")).as(description).isEqualTo(route.name());
    assertThat(result.<Boolean>getEntry("fourEyes")).as(description).isEqualTo(fourEyes);
    assertThat(result.<String>getEntry("reason")).isNotBlank();
  }
}
