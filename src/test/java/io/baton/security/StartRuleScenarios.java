package io.baton.security;

import static io.baton.security.SecurityIT.START;
import static io.baton.security.SecurityIT.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Findings 3, 4, 7 and 8 of the security review: start rules on every way in, with the real
 * payloads. Runs on H2 ({@link SecurityIT}) and PostgreSQL ({@link StartRulesPostgresIT}), where
 * an oversized business key or value used to reach the database.
 */
abstract class StartRuleScenarios {

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;

  ResponseEntity<String> postJson(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, password(user))
        .postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  /** The demo users' passwords are their names. */
  String password(String user) {
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
    assertThat(postJson("reviewer", START, huge).getStatusCode())
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
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

@Nested
class RateLimits {

  @Test
  void should_answer_429_with_retry_after_once_a_user_started_too_many() throws Exception {
    String user = "ratetester" + System.nanoTime() % 100_000;
    User account = identity.newUser(user);
    account.setPassword(RATE_PASSWORD);
    identity.saveUser(account);
    identity.createMembership(user, "reviewers");
    try {
      String invalid = "{\"customerId\":\"C-1\"}";
      for (int i = 0; i < 60; i++) {
        assertThat(
                postJson(user, RATE_PASSWORD, "/api/customer-requests", invalid).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
      }

      // not through TestRestTemplate: its client waits out a Retry-After and asks again
      HttpResponse<String> limited =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(http.getRootUri() + "/api/customer-requests"))
                      .header("Authorization", basic(user, RATE_PASSWORD))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(invalid))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.body()).contains("try again later");
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
      // another user is not affected
      assertThat(postJson("reviewer", "/api/customer-requests", invalid).getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
    } finally {
      identity.deleteUser(user);
    }
  }
}

/**
 * Least privilege: what each role may do on each endpoint, run against the application. A row
 * names the user, the request and the status the user must get.
 */
@Nested
class RoleByEndpoint {

  record Row(String user, HttpMethod method, String path, String body, int status) {
    @Override
    public String toString() {
      return "%s %s %s -> %d".formatted(user, method, path, status);
    }
  }

  static final String VALID_REQUEST =
      "{\"customerId\":\"C-9\",\"message\":\"Where is my parcel?\"}";
  static final String EFFECT =
      "{\"topic\":\"baton.notify\",\"processInstanceId\":\"p\",\"owner\":\"o\",\"leaseMillis\":1000}";
  static final String SET_ROUTE = "{\"modifications\":{\"route\":{\"value\":\"AUTO_EXECUTE\"}}}";
  static final String NEW_USER =
      "{\"profile\":{\"id\":\"%s\"},\"credentials\":{\"password\":\"Str0ng!Passw0rd-2026\"}}";

  static List<Row> rows() {
    List<Row> rows = new java.util.ArrayList<>();
    for (String user : List.of("admin", "analyst", "reviewer", "supervisor")) {
      rows.add(new Row(user, HttpMethod.POST, "/api/customer-requests", VALID_REQUEST, 201));
    }
    for (String user : List.of("auditor", "worker")) {
      rows.add(new Row(user, HttpMethod.POST, "/api/customer-requests", VALID_REQUEST, 403));
    }
    for (String user : List.of("admin", "auditor", "supervisor")) {
      rows.add(
          new Row(
              user, HttpMethod.GET, "/api/model-calls?processInstanceId={instance}", null, 200));
    }
    for (String user : List.of("analyst", "reviewer", "worker")) {
      rows.add(
          new Row(
              user, HttpMethod.GET, "/api/model-calls?processInstanceId={instance}", null, 403));
    }
    for (String user : List.of("admin", "analyst", "reviewer", "supervisor", "auditor")) {
      rows.add(new Row(user, HttpMethod.POST, "/api/model-calls", "{}", 403));
      rows.add(new Row(user, HttpMethod.POST, "/api/effects/{instance}/start", EFFECT, 403));
    }
    for (String user : List.of("analyst", "reviewer", "supervisor", "auditor", "worker")) {
      rows.add(
          new Row(
              user,
              HttpMethod.PUT,
              "/engine-rest/process-instance/{instance}/variables/route",
              "{\"value\":\"AUTO_EXECUTE\"}",
              403));
      rows.add(
          new Row(
              user,
              HttpMethod.POST,
              "/engine-rest/process-instance/{instance}/variables",
              SET_ROUTE,
              403));
      rows.add(
          new Row(
              user, HttpMethod.DELETE, "/engine-rest/process-instance/{instance}", null, 403));
      rows.add(
          new Row(
              user,
              HttpMethod.POST,
              "/engine-rest/user/create",
              NEW_USER.formatted("x" + user),
              403));
    }
    for (String user : List.of("admin", "operator")) {
      rows.add(new Row(user, HttpMethod.GET, "/actuator/prometheus", null, 200));
    }
    for (String user : List.of("analyst", "reviewer", "supervisor", "auditor", "worker")) {
      rows.add(new Row(user, HttpMethod.GET, "/actuator/prometheus", null, 403));
      rows.add(new Row(user, HttpMethod.GET, "/actuator/metrics", null, 403));
    }
    rows.add(
        new Row(
            "admin",
            HttpMethod.PUT,
            "/engine-rest/process-instance/{instance}/variables/note",
            "{\"value\":\"checked\"}",
            204));
    rows.add(
        new Row(
            "worker",
            HttpMethod.POST,
            "/engine-rest/external-task/fetchAndLock",
            "{\"workerId\":\"table\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"baton.none\",\"lockDuration\":1000}]}",
            200));
    return rows;
  }

  @Autowired org.camunda.bpm.engine.RuntimeService runtime;

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("rows")
  void should_answer_each_role_as_the_table_says(Row row) {
    String instance = instance();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        http.withBasicAuth(row.user(), password(row.user()))
            .exchange(
                row.path().replace("{instance}", instance),
                row.method(),
                new HttpEntity<>(row.body(), headers),
                String.class);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(row.status());
  }

  private String instance() {
    var running =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey("role-table").list();
    if (!running.isEmpty()) {
      return running.get(0).getId();
    }
    return runtime
        .startProcessInstanceByKey(
            "customer-request",
            "role-table",
            Map.of("customerId", "C-7", "message", "I want a refund for my broken kettle"))
        .getId();
  }
}

static String password(String user) {
  return user.equals("worker") ? "worker-dev-only" : user;
}

/** Checks that the HOME of the marker files is writable, so the marker assertions can fail. */
@Test
void markers_can_be_created_where_the_tests_look() throws Exception {
  Path marker = marker();
  Files.createFile(marker);
  assertThat(marker).exists();
  Files.delete(marker);
}

static final String RATE_PASSWORD = "Rate!Limit-2026";

static String basic(String user, String password) {
  return "Basic "
      + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
}
}
