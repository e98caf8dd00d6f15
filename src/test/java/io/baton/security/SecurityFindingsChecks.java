package io.baton.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 10's credential and privilege findings, each reproduced over real HTTP against the running
 * application; they run in {@link SecurityIT}'s application ({@code SecurityIT$Findings}), the
 * findings as nested classes.
 */
abstract class SecurityFindingsChecks {

  private static final String WORKER_PASSWORD = "worker-dev-only";
  private static final String COMPLAINT =
      "The blender I bought stopped working after two days, I am upset.";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @Nested
  class Lockout {

    @Test
    void should_throttle_a_stranger_while_worker_and_admin_keep_working() throws IOException {
      RawHttp stranger = new RawHttp("127.0.0.2", port);
      List<RawHttp.Response> asWorker = new ArrayList<>();
      List<RawHttp.Response> asAdmin = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        asWorker.add(
            stranger.basic("GET", "/engine-rest/external-task/count", "worker", "guess" + i));
        asAdmin.add(
            i % 2 == 0
                ? stranger.basic("GET", "/engine-rest/user/count", "admin", "guess" + i)
                : webappLogin(stranger, "admin", "guess" + i));
      }

      for (List<RawHttp.Response> attempts : List.of(asWorker, asAdmin)) {
        assertThat(attempts.get(0).status()).isEqualTo(401);
        assertThat(attempts.subList(10, 30)).allSatisfy(r -> assertThat(r.status()).isEqualTo(429));
        assertThat(attempts.get(29).headers().get("Retry-After")).matches("[1-9][0-9]*");
      }

      assertThat(
              http.withBasicAuth("worker", WORKER_PASSWORD)
                  .getForEntity("/engine-rest/external-task/count", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(
              http.withBasicAuth("admin", "admin")
                  .getForEntity("/engine-rest/user/count", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(webappLogin(new RawHttp("127.0.0.1", port), "admin", "admin").status())
          .isEqualTo(200);
      String id = startRequest(COMPLAINT);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> tasks.createTaskQuery().processInstanceId(id).count() == 1);
    }

    @Test
    void should_throttle_password_guesses_through_identity_verify() throws IOException {
      RawHttp stranger = new RawHttp("127.0.0.3", port);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        RawHttp.Response response =
            stranger.send(
                "POST",
                "/engine-rest/identity/verify",
                Map.of("Authorization", basic("admin", "admin")),
                "application/json",
                "{\"username\":\"worker\",\"password\":\"guess%d\"}".formatted(i));
        assertThat(response.status()).as(response.body()).isIn(200, 429);
        statuses.add(response.status());
      }

      assertThat(statuses.get(0)).isEqualTo(200);
      assertThat(statuses.subList(5, 10)).containsOnly(429);
      assertThat(
              http.withBasicAuth("worker", WORKER_PASSWORD)
                  .getForEntity("/engine-rest/external-task/count", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
  }

  @Nested
  class PasswordPolicy {

    @Test
    void should_refuse_a_weak_password_naming_the_rule() {
      ResponseEntity<String> weak = createUser("weakuser", "secret");

      assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(weak.getBody()).contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_DIGIT");
      assertThat(
              http.withBasicAuth("admin", "admin")
                  .getForEntity("/engine-rest/user/count?id=weakuser", String.class)
                  .getBody())
          .contains("\"count\":0");
    }

    @Test
    void should_accept_a_strong_password_and_refuse_a_weak_change() {
      assertThat(createUser("stronguser", "Tr0ub4dor&3-Horse").getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);

      ResponseEntity<String> change =
          http.withBasicAuth("admin", "admin")
              .exchange(
                  "/engine-rest/user/stronguser/credentials",
                  HttpMethod.PUT,
                  new HttpEntity<>(
                      Map.of("password", "alllowercase", "authenticatedUserPassword", "admin")),
                  String.class);

      assertThat(change.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(change.getBody()).contains("PASSWORD_POLICY_UPPERCASE");
      assertThat(status("stronguser", "Tr0ub4dor&3-Horse", "/engine-rest/user/count"))
          .isEqualTo(HttpStatus.OK);
    }

    @Test
    void should_keep_the_demo_accounts_of_the_demo_run() {
      assertThat(status("admin", "admin", "/engine-rest/user/count")).isEqualTo(HttpStatus.OK);
      assertThat(status("operator", "operator", "/engine-rest/user/count"))
          .isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> createUser(String id, String password) {
      return http.withBasicAuth("admin", "admin")
          .postForEntity(
              "/engine-rest/user/create",
              Map.of(
                  "profile",
                  Map.of("id", id, "firstName", "Pat", "lastName", "Doe", "email", id + "@x.test"),
                  "credentials",
                  Map.of("password", password)),
              String.class);
    }
  }

  @Nested
  class LeastPrivilege {

    /**
     * Camunda's REST API only checks that the user can read the task's history, and the engine's
     * AddCommentCmd checks nothing. (Reviewers cannot comment over REST at all: they do not read
     * history.)
     */
    @Test
    void should_refuse_task_comments_by_auditors_and_analysts() {
      Task task = reviewTask();

      ResponseEntity<String> byAuditor = comment("auditor", "auditor", task);
      ResponseEntity<String> byAnalyst = comment("analyst", "analyst", task);
      ResponseEntity<String> byAdmin = comment("admin", "admin", task);

      assertThat(byAuditor.getStatusCode()).as(byAuditor.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(byAuditor.getBody()).contains("TASK_WORK");
      assertThat(byAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(tasks.getTaskComments(task.getId()))
          .extracting(c -> c.getFullMessage())
          .containsExactly("from admin");
    }

    /**
     * Spring Boot tests run without metrics export, so the endpoints answer 404 to whoever passes
     * the access check; what matters here is who is stopped before them.
     */
    @Test
    void should_show_metrics_to_operators_and_admins_only() {
      for (String path : List.of("/actuator/prometheus", "/actuator/metrics")) {
        assertThat(http.getForEntity(path, String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("reviewer", "auditor", "analyst", "supervisor")) {
          assertThat(status(user, user, path))
              .as(user + " " + path)
              .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status("worker", WORKER_PASSWORD, path)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("operator", "operator", path)).isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
        assertThat(status("admin", "admin", path)).isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
      }
    }

    private ResponseEntity<String> comment(String user, String password, Task task) {
      return http.withBasicAuth(user, password)
          .postForEntity(
              "/engine-rest/task/" + task.getId() + "/comment/create",
              Map.of("message", "from " + user),
              String.class);
    }
  }

  @Nested
  class ObjectVariables {

    private static final Map<String, Object> GADGET =
        Map.of(
            "type",
            "Object",
            "value",
            "{\"command\":[\"touch\",\"/tmp/baton-pwned\"]}",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "java.lang.ProcessBuilder",
                "serializationDataFormat",
                "application/json"));

    private static final Map<String, Object> PLAIN_MAP =
        Map.of(
            "type",
            "Object",
            "value",
            "{\"a\":1}",
            "valueInfo",
            Map.of(
                "objectTypeName",
                "java.util.HashMap",
                "serializationDataFormat",
                "application/json"));

    @Test
    void should_refuse_a_start_with_an_object_variable_and_start_nothing() {
      long before = history.createHistoricProcessInstanceQuery().count();

      for (Map<String, Object> value : List.of(GADGET, PLAIN_MAP)) {
        ResponseEntity<String> response =
            http.withBasicAuth("reviewer", "reviewer")
                .postForEntity(
                    "/engine-rest/process-definition/key/customer-request/start",
                    Map.of(
                        "variables",
                        Map.of(
                            "message", Map.of("value", COMPLAINT),
                            "customerId", Map.of("value", "C-9"),
                            "payload", value)),
                    String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("'payload' has type Object");
      }
      assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
      assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void should_refuse_object_variables_on_a_running_case_and_store_nothing() {
      String id = reviewTask().getProcessInstanceId();
      String base = "/engine-rest/process-instance/" + id + "/variables";

      ResponseEntity<String> put =
          http.withBasicAuth("admin", "admin")
              .exchange(base + "/payload", HttpMethod.PUT, new HttpEntity<>(GADGET), String.class);
      ResponseEntity<String> modify =
          http.withBasicAuth("admin", "admin")
              .postForEntity(
                  base, Map.of("modifications", Map.of("payload", PLAIN_MAP)), String.class);
      ResponseEntity<String> upload = upload(base + "/payload/data");

      assertThat(List.of(put, modify, upload))
          .allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
      assertThat(runtime.getVariable(id, "payload")).isNull();
      assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).isZero();
    }

    @Test
    void should_refuse_object_variables_through_the_webapps_engine_api() throws Exception {
      long before = history.createHistoricProcessInstanceQuery().count();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String app = "http://127.0.0.1:" + port + "/camunda";
      browser.send(
          HttpRequest.newBuilder(URI.create(app + "/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String token = csrfToken(browser);
      HttpResponse<String> login =
          browser.send(
              HttpRequest.newBuilder(
                      URI.create(app + "/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString("username=reviewer&password=reviewer"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

      browser.send(
          HttpRequest.newBuilder(URI.create(app + "/api/admin/auth/user/default")).build(),
          HttpResponse.BodyHandlers.discarding());

      HttpResponse<String> refused = submitStartForm(browser, app, GADGET);
      // the control: the same session and form without the Object variable is accepted
      HttpResponse<String> accepted = submitStartForm(browser, app, null);

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("'payload' has type Object");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before + 1);
    }

    /** Tasklist's start form, through the webapps' engine API in the user's session. */
    private HttpResponse<String> submitStartForm(
        HttpClient browser, String app, Map<String, Object> payload) throws Exception {
      Map<String, Object> variables = new java.util.HashMap<>();
      variables.put("message", Map.of("value", COMPLAINT));
      variables.put("customerId", Map.of("value", "C-9"));
      if (payload != null) {
        variables.put("payload", payload);
      }
      String body =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsString(Map.of("variables", variables));
      return browser.send(
          HttpRequest.newBuilder(
                  URI.create(
                      app
                          + "/api/engine/engine/default/process-definition/key/customer-request"
                          + "/submit-form"))
              .header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", csrfToken(browser))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_not_deserialize_types_outside_the_allow_list() {
      String id = reviewTask().getProcessInstanceId();
      runtime.setVariable(
          id,
          "stored",
          org.camunda.bpm.engine.variable.Variables.serializedObjectValue(
                  "\"123e4567-e89b-12d3-a456-426614174000\"")
              .objectTypeName("java.util.UUID")
              .serializationDataFormat("application/json")
              .create());

      runtime.setVariable(
          id,
          "allowed",
          org.camunda.bpm.engine.variable.Variables.serializedObjectValue("[1]")
              .objectTypeName("java.util.ArrayList")
              .serializationDataFormat("application/json")
              .create());
      String variables = "/engine-rest/process-instance/" + id + "/variables/";

      ResponseEntity<String> refused =
          http.withBasicAuth("admin", "admin").getForEntity(variables + "stored", String.class);
      ResponseEntity<String> raw =
          http.withBasicAuth("admin", "admin")
              .getForEntity(variables + "stored?deserializeValue=false", String.class);
      ResponseEntity<String> allowed =
          http.withBasicAuth("admin", "admin").getForEntity(variables + "allowed", String.class);

      assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
      assertThat(refused.getBody()).contains("Cannot deserialize");
      assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(allowed.getBody()).contains("\"value\":[1]");
      runtime.removeVariables(id, List.of("stored", "allowed"));
    }

    private String csrfToken(HttpClient browser) {
      return ((CookieManager) browser.cookieHandler().orElseThrow())
          .getCookieStore().getCookies().stream()
              .filter(c -> c.getName().equals("XSRF-TOKEN"))
              .map(c -> c.getValue())
              .findFirst()
              .orElseThrow();
    }

    private ResponseEntity<String> upload(String path) {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      parts.add("data", new HttpEntity<>("{\"a\":1}", json));
      parts.add("type", "java.util.HashMap");
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return http.withBasicAuth("admin", "admin")
          .postForEntity(path, new HttpEntity<>(parts, headers), String.class);
    }
  }

  private Task reviewTask() {
    String id = startRequest(COMPLAINT);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> tasks.createTaskQuery().processInstanceId(id).count() == 1);
    return tasks.createTaskQuery().processInstanceId(id).singleResult();
  }

  private String startRequest(String message) {
    ResponseEntity<String> response =
        http.withBasicAuth("reviewer", "reviewer")
            .postForEntity(
                "/api/customer-requests",
                Map.of("message", message, "customerId", "C-9"),
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().replaceAll(".*\"processInstanceId\":\"([^\"]+)\".*", "$1");
  }

  private HttpStatus status(String user, String password, String path) {
    return HttpStatus.valueOf(
        http.withBasicAuth(user, password)
            .getForEntity(path, String.class)
            .getStatusCode()
            .value());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The webapps' login as a browser sends it: with the session's CSRF token. */
  private static RawHttp.Response webappLogin(RawHttp client, String user, String password)
      throws IOException {
    RawHttp.Response page =
        client.send("GET", "/camunda/app/cockpit/default/", Map.of(), null, null);
    String cookies = page.cookies();
    return client.send(
        "POST",
        "/camunda/api/admin/auth/user/default/login/cockpit",
        Map.of("Cookie", cookies, "X-XSRF-TOKEN", page.cookie("XSRF-TOKEN")),
        "application/x-www-form-urlencoded",
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }
}
