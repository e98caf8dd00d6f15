package io.baton.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.baton.events.EventsProperties.Action;
import io.baton.events.EventsProperties.Mapping;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventMappingsTest {

  static final Mapping DELAYED =
      new Mapping(
          "io.baton.demo.shipment.delayed", "ShipmentDelayed", Action.START, "$.shipmentId");

  final EventMappings mappings = new EventMappings(Map.of("shipment-delayed", DELAYED));

  static IncomingEvent event(String data) throws Exception {
    return new IncomingEvent(
        "e-1", "/erp", DELAYED.type(), null, (ObjectNode) new ObjectMapper().readTree(data));
  }

  @Test
  void should_find_the_mapping_of_the_events_type() {
    EventMappings.Compiled found = mappings.forType("io.baton.demo.shipment.delayed");

    assertThat(found.name()).isEqualTo("shipment-delayed");
    assertThat(found.message()).isEqualTo("ShipmentDelayed");
    assertThat(found.action()).isEqualTo(Action.START);
  }

  @Test
  void should_refuse_an_unmapped_type_naming_it() {
    assertThatThrownBy(() -> mappings.forType("io.baton.other"))
        .isInstanceOf(EventRefusedException.class)
        .hasMessageContaining("no mapping for event type 'io.baton.other'")
        .hasMessageContaining("baton.events.mappings");
  }

  @Test
  void should_not_start_with_one_type_mapped_twice() {
    Mapping again = new Mapping(DELAYED.type(), "Other", Action.CORRELATE, "$.id");

    assertThatThrownBy(
            () -> new EventMappings(new java.util.TreeMap<>(Map.of("a", DELAYED, "b", again))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baton.events.mappings.a and baton.events.mappings.b both map");
  }

  @Test
  void should_not_start_with_a_business_key_that_is_not_a_json_path() {
    Mapping broken = new Mapping("t", "M", Action.START, "$.[");

    assertThatThrownBy(() -> new EventMappings(Map.of("broken", broken)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baton.events.mappings.broken.business-key '$.[' is not a JSON path");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"shipmentId":"S-1001"}            | S-1001
          {"shipmentId":42}                  | 42
          {"shipmentId":"S-1","other":{"a":1}} | S-1
          """)
  void should_find_the_business_key_in_the_data(String data, String key) throws Exception {
    assertThat(mappings.forType(DELAYED.type()).businessKey(event(data))).isEqualTo(key);
  }

  @Test
  void should_follow_a_nested_path() throws Exception {
    EventMappings nested =
        new EventMappings(Map.of("n", new Mapping("t", "M", Action.CORRELATE, "$.order.id")));

    assertThat(nested.forType("t").businessKey(event("{\"order\":{\"id\":\"O-7\"}}")))
        .isEqualTo("O-7");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"sku":"PUMP-200"}                 | finds nothing
          {"shipmentId":null}                | finds nothing
          {"shipmentId":"  "}                | finds an empty text
          {"shipmentId":{"id":"S-1"}}        | finds an object
          {"shipmentId":["S-1","S-2"]}       | finds 2 values, not one
          """)
  void should_refuse_a_business_key_that_is_not_there(String data, String reason) throws Exception {
    assertThatThrownBy(() -> mappings.forType(DELAYED.type()).businessKey(event(data)))
        .isInstanceOf(EventRefusedException.class)
        .hasMessageContaining("baton.events.mappings.shipment-delayed.business-key $.shipmentId")
        .hasMessageContaining(reason);
  }
}
