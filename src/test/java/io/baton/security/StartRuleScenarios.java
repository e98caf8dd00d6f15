package io.baton.security;

import static io.baton.security.SecurityIT.START;
import static io.baton.security.SecurityIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;

/**
 * Findings 3, 4, 7 and 8 of the security review: start rules on every way in, with the real
 * payloads. Runs on H2 ({@link SecurityIT}) and PostgreSQL (nested in {@code
 * CustomerRequestPostgresIT}, in its application), where an oversized business key or value used to
 * reach the database.
 */
public abstract class StartRuleScenarios {

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;

  ResponseEntity<String> postJson(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, password(user))
        .postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  /** The demo users' passwords are their names. */
  protected String password(String user) {
    return user;
  }

  long started() {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("customer-request")
        .count();
  }

  @Test
  void should_refuse_an_infinite_or_unbounded_amount_on_every_way_in() {
    long before = started();

    assertStatus(
        postJson(
            "reviewer",
            "/api/customer-requests",
            "{\"customerId\":\"C-1\",\"message\":\"Where is my parcel?\",\"amount\":1e400}"),
        HttpStatus.BAD_REQUEST,
        "amount must be a finite number");
    for (String value : List.of("Infinity", "NaN", "-Infinity", "1e12")) {
      String body =
          """
          {"variables":{"customerId":{"value":"C-1"},"message":{"value":"Where is my parcel?"},
            "amount":{"value":"%s","type":"Double"}}}
          """
              .formatted(value);
      assertStatus(
          postJson("reviewer", START, body), HttpStatus.BAD_REQUEST, "amount must be a finite");
    }

    assertThat(started()).isEqualTo(before);
  }

  @Test
  void should_refuse_start_instructions_and_skipped_listeners_to_non_admins() {
    long before = started();
    String body =
        """
        {"skipCustomListeners":true,"skipIoMappings":true,
         "startInstructions":[{"type":"startBeforeActivity","activityId":"classify-intent"}]}
        """;

    assertThat(postJson("reviewer", START, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(postJson("analyst", START, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // an administrator may use start instructions, but the start rules still run
    assertStatus(postJson("admin", START, body), HttpStatus.BAD_REQUEST, "message is required");

    assertThat(started()).isEqualTo(before);
  }

  @Test
  void should_refuse_variables_the_process_does_not_start_with() {
    long before = started();
    String body =
        """
        {"variables":{"customerId":{"value":"C-1"},"message":{"value":"Hello"},
          "route":{"value":"AUTO_EXECUTE"}}}
        """;

    assertStatus(
        postJson("reviewer", START, body),
        HttpStatus.BAD_REQUEST,
        "cannot be started with [route]");
    assertThat(started()).isEqualTo(before);
  }

  @Test
  void should_refuse_ten_thousand_variables_and_a_five_megabyte_value() {
    StringBuilder many = new StringBuilder("{\"variables\":{");
    for (int i = 0; i < 10_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"v").append(i).append("\":{\"value\":1}");
    }
    many.append("}}");
    String huge =
        "{\"variables\":{\"blob\":{\"type\":\"Bytes\",\"value\":\"%s\"}}}"
            .formatted("A".repeat(5 * 1024 * 1024));

    assertStatus(
        postJson("reviewer", START, many.toString()),
        HttpStatus.BAD_REQUEST,
        "at most 100 are accepted");
    try {
      assertThat(postJson("reviewer", START, huge).getStatusCode())
          .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    } catch (ResourceAccessException cut) {
      // Tomcat reads at most 2 MB of a refused body before it closes the connection: a client
      // still sending the rest sees the connection closed instead of the 413
      assertThat(cut).hasRootCauseInstanceOf(SocketException.class);
    }
    assertThat(history.createHistoricVariableInstanceQuery().variableName("blob").count()).isZero();
  }

  @Test
  void should_refuse_markup_and_control_characters_in_the_customer_id() {
    for (String id :
        List.of("<a href=\\\"https://evil\\\">C-1</a>", "C-1\\u0000\\n", "[x](https://evil)")) {
      String body = "{\"customerId\":\"%s\",\"message\":\"Where is my parcel?\"}".formatted(id);
      assertStatus(
          postJson("reviewer", "/api/customer-requests", body),
          HttpStatus.BAD_REQUEST,
          "customerId may only contain");
    }
  }

  @Test
  void should_refuse_a_message_that_is_not_text_instead_of_coercing_it() {
    assertStatus(
        postJson("reviewer", "/api/customer-requests", "{\"customerId\":\"C-1\",\"message\":42}"),
        HttpStatus.BAD_REQUEST,
        "message must be text");
  }

  @Test
  void should_explain_malformed_json() {
    assertStatus(
        postJson("reviewer", "/api/customer-requests", "{\"customerId\": \"C-1\", "),
        HttpStatus.BAD_REQUEST,
        "not valid JSON");
  }

  @Test
  void should_refuse_an_oversized_business_key_with_400() {
    String body =
        """
        {"businessKey":"%s","variables":{"customerId":{"value":"C-1"},"message":{"value":"Hi"}}}
        """
            .formatted("k".repeat(300));

    assertStatus(postJson("reviewer", START, body), HttpStatus.BAD_REQUEST, "business key");
  }
}
