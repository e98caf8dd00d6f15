package io.baton.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudEventReaderTest {

  static final String VALID =
      """
      {"specversion":"1.0","id":"e-1","source":"/erp","type":"io.baton.demo.shipment.delayed",
       "time":"2026-11-30T10:15:00Z","datacontenttype":"application/json",
       "data":{"shipmentId":"S-1001","quantity":40}}""";

  final CloudEventReader reader = new CloudEventReader(new ObjectMapper());

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void should_read_a_structured_cloud_event() {
    IncomingEvent event = reader.structured(bytes(VALID));

    assertThat(event.id()).isEqualTo("e-1");
    assertThat(event.source()).isEqualTo("/erp");
    assertThat(event.type()).isEqualTo("io.baton.demo.shipment.delayed");
    assertThat(event.time()).hasToString("2026-11-30T10:15Z");
    assertThat(event.data().path("shipmentId").asText()).isEqualTo("S-1001");
  }

  @Test
  void should_read_data_without_a_content_type_as_json() {
    IncomingEvent event =
        reader.structured(
            bytes(
                "{\"specversion\":\"1.0\",\"id\":\"e-2\",\"source\":\"/erp\",\"type\":\"t\",\"data\":{\"a\":[1,2]}}"));

    assertThat(event.data().path("a").size()).isEqualTo(2);
    assertThat(event.time()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad JSON           | {"specversion":"1.0",                                          | the event is not valid JSON
          empty              | ''                                                             | the event is empty
          an array           | [1,2]                                                          | the event is a JSON array, not a CloudEvent
          no specversion     | {"id":"1","source":"/s","type":"t","data":{}}                  | it has no specversion
          no id              | {"specversion":"1.0","source":"/s","type":"t","data":{}}       | it has no id
          no source          | {"specversion":"1.0","id":"1","type":"t","data":{}}            | it has no source
          no type or id      | {"specversion":"1.0","source":"/s","data":{}}                  | it has no id, type
          blank type         | {"specversion":"1.0","id":"1","source":"/s","type":" ","data":{}} | it has no type
          unknown version    | {"specversion":"9.9","id":"1","source":"/s","type":"t","data":{}} | not a valid CloudEvent
          bad time           | {"specversion":"1.0","id":"1","source":"/s","type":"t","time":"yesterday","data":{}} | not a valid CloudEvent
          no data            | {"specversion":"1.0","id":"1","source":"/s","type":"t"}        | the event has no data
          data is text       | {"specversion":"1.0","id":"1","source":"/s","type":"t","data":"hi"} | the event's data is a JSON string; it must be a JSON object
          data is an array   | {"specversion":"1.0","id":"1","source":"/s","type":"t","data":[1]} | the event's data is a JSON array; it must be a JSON object
          data is XML        | {"specversion":"1.0","id":"1","source":"/s","type":"t","datacontenttype":"application/xml","data":"<a/>"} | the event's data is application/xml
          """)
  void should_refuse_a_malformed_event_with_its_reason(String what, String body, String reason) {
    assertThatThrownBy(() -> reader.structured(bytes(body)))
        .isInstanceOf(EventRefusedException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void should_answer_each_event_of_a_batch() {
    String batch =
        "[" + VALID + ",{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}},7]";

    List<CloudEventReader.Read> read = reader.batch(bytes(batch));

    assertThat(read).hasSize(3);
    assertThat(read.get(0).event().id()).isEqualTo("e-1");
    assertThat(read.get(1).refusal()).contains("it has no id");
    assertThat(read.get(2).refusal()).contains("not a JSON object");
  }

  @Test
  void should_refuse_a_batch_that_is_not_an_array() {
    assertThatThrownBy(() -> reader.batch(bytes(VALID)))
        .isInstanceOf(EventRefusedException.class)
        .hasMessageContaining("JSON array of CloudEvents");
  }

  @Test
  void should_read_binary_mode_attributes_beside_the_data() {
    Map<String, String> attributes =
        Map.of(
            "specversion", "1.0",
            "id", "b-1",
            "source", "/erp",
            "type", "t",
            "time", "2026-11-30T10:15:00+01:00");

    IncomingEvent event =
        reader.binary(attributes, "application/json", bytes("{\"shipmentId\":\"S-2\"}"));

    assertThat(event.id()).isEqualTo("b-1");
    assertThat(event.time().getOffset().getTotalSeconds()).isEqualTo(3600);
    assertThat(event.data().path("shipmentId").asText()).isEqualTo("S-2");
  }

  @Test
  void should_refuse_binary_mode_without_an_id_or_with_data_that_is_not_an_object() {
    Map<String, String> attributes =
        new HashMap<>(Map.of("specversion", "1.0", "source", "/s", "type", "t"));
    assertThatThrownBy(() -> reader.binary(attributes, "application/json", bytes("{}")))
        .hasMessageContaining("it has no id");

    attributes.put("id", "x");
    assertThatThrownBy(() -> reader.binary(attributes, "application/json", bytes("\"text\"")))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> reader.binary(attributes, "application/json", bytes("{oops")))
        .hasMessageContaining("the event's data is not valid JSON");
  }
}
