package io.baton.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class EventVariablesTest {

  static IncomingEvent event(String data) throws Exception {
    return new IncomingEvent(
        "e-1",
        "/erp",
        "io.baton.demo.shipment.delayed",
        OffsetDateTime.parse("2026-11-30T10:15:00Z"),
        (ObjectNode) new ObjectMapper().readTree(data));
  }

  @Test
  void should_make_each_top_level_field_a_variable_of_its_kind() throws Exception {
    VariableMap variables =
        EventVariables.of(
            event(
                """
                {"shipmentId":"S-1001","quantity":40,"big":9000000000,"ratio":0.5,"urgent":true,
                 "none":null,"supplier":{"id":"SUP-7"},"legs":["A","B"]}"""));

    assertThat(variables.get("shipmentId")).isEqualTo("S-1001");
    assertThat(variables.get("quantity")).isEqualTo(40);
    assertThat(variables.get("big")).isEqualTo(9_000_000_000L);
    assertThat(variables.get("ratio")).isEqualTo(0.5);
    assertThat(variables.get("urgent")).isEqualTo(true);
    assertThat(variables.containsKey("none")).isTrue();
    assertThat(variables.get("none")).isNull();
    assertThat((Object) variables.getValueTyped("supplier")).isInstanceOf(JsonValue.class);
    assertThat(((JsonValue) variables.getValueTyped("supplier")).getValueSerialized())
        .isEqualTo("{\"id\":\"SUP-7\"}");
    assertThat(((JsonValue) variables.getValueTyped("legs")).getValueSerialized())
        .isEqualTo("[\"A\",\"B\"]");
  }

  @Test
  void should_add_the_events_attributes() throws Exception {
    VariableMap variables = EventVariables.of(event("{}"));

    assertThat(variables.get("eventId")).isEqualTo("e-1");
    assertThat(variables.get("eventType")).isEqualTo("io.baton.demo.shipment.delayed");
    assertThat(variables.get("eventSource")).isEqualTo("/erp");
    assertThat(variables.get("eventTime"))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-30T10:15:00Z").toInstant()));
  }

  @Test
  void should_refuse_a_data_field_that_would_overwrite_an_attribute() {
    assertThatThrownBy(() -> EventVariables.of(event("{\"eventId\":\"mine\"}")))
        .isInstanceOf(EventRefusedException.class)
        .hasMessageContaining("has a field 'eventId'");
  }

  @Test
  void should_refuse_text_longer_than_a_variable_holds() {
    String longText = "x".repeat(EventVariables.MAX_TEXT + 1);

    assertThatThrownBy(() -> EventVariables.of(event("{\"note\":\"" + longText + "\"}")))
        .isInstanceOf(EventRefusedException.class)
        .hasMessageContaining("data field 'note'")
        .hasMessageContaining("at most 4000");
  }
}
