package io.baton.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.support.EngineIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The findings of the security review, each replayed with its real payload against the running
 * application (H2, embedded workers). Every test here failed before Baton closed the hole.
 */
@EngineIT
@AutoConfigureObservability
class SecurityIT {

  static final String START = "/engine-rest/process-definition/key/customer-request/start";

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  @Autowired FilterService filters;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;

  static String rce(Path marker) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
        + ".invoke(null).exec('touch "
        + marker
        + "')}";
  }

  static Path marker() {
    return Path.of(System.getProperty("java.io.tmpdir"), "baton-rce-" + UUID.randomUUID());
  }

  ResponseEntity<String> postJson(String user, String path, String body) {
    return postJson(user, user, path, body);
  }

  ResponseEntity<String> postJson(String user, String password, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, password)
        .postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  static void assertStatus(ResponseEntity<String> response, HttpStatus status, String reason) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getBody()).contains(reason);
  }

  @Nested
  class Finding1_ExpressionsInQueries {

    @Test
    void should_refuse_an_expression_nested_in_or_queries_for_every_role() throws Exception {
      for (String user : List.of("reviewer", "auditor", "analyst", "supervisor", "admin")) {
        Path marker = marker();
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"%s\"}]}".formatted(rce(marker));

        ResponseEntity<String> response = postJson(user, "/engine-rest/task/count", body);

        assertStatus(response, HttpStatus.BAD_REQUEST, "Expressions are forbidden");
        Thread.sleep(200);
        assertThat(marker).as("command ran as " + user).doesNotExist();
      }
    }

    @Test
    void should_refuse_an_expression_in_the_extending_query_of_a_filter() throws Exception {
      String filterId =
          filters.createFilterQuery().filterName("My group tasks").singleResult().getId();
      Path marker = marker();
      String body = "{\"orQueries\":[{\"assigneeExpression\":\"%s\"}]}".formatted(rce(marker));

      ResponseEntity<String> response =
          postJson("reviewer", "/engine-rest/filter/" + filterId + "/list", body);

      assertStatus(response, HttpStatus.BAD_REQUEST, "Expressions are forbidden");
      Thread.sleep(200);
      assertThat(marker).doesNotExist();
    }

    @Test
    void should_still_run_the_tasklist_filters_with_their_identity_functions() {
      String filterId =
          filters.createFilterQuery().filterName("My group tasks").singleResult().getId();

      ResponseEntity<String> response =
          postJson("reviewer", "/engine-rest/filter/" + filterId + "/list", "{}");

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void should_refuse_to_store_a_filter_whose_query_runs_code() {
      Path marker = marker();
      String body =
          """
          {"resourceType":"Task","name":"evil","owner":"admin",
           "query":{"orQueries":[{"assigneeExpression":"%s"}]}}
          """
              .formatted(rce(marker));

      ResponseEntity<String> response = postJson("admin", "/engine-rest/filter/create", body);

      assertStatus(response, HttpStatus.BAD_REQUEST, "not allowed in a stored query");
      assertThat(filters.createFilterQuery().filterName("evil").count()).isZero();
    }

    @Test
    void should_refuse_the_payload_through_the_tasklist_session_api() throws Exception {
      WebappSession session = WebappSession.login(http, "reviewer", "reviewer");
      Path marker = marker();
      String body = "{\"orQueries\":[{\"assigneeExpression\":\"%s\"}]}".formatted(rce(marker));

      ResponseEntity<String> response =
          session.post("/camunda/api/engine/engine/default/task/count", body);

      assertStatus(response, HttpStatus.BAD_REQUEST, "Expressions are forbidden");
      Thread.sleep(200);
      assertThat(marker).doesNotExist();
    }
  }

  @Nested
  class Finding2_Deployments {

    ResponseEntity<String> deploy(String user, String name, String content) {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("deployment-name", "security-test");
      parts.add(
          "data",
          new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
              return name;
            }
          });
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return http.withBasicAuth(user, user)
          .postForEntity(
              "/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    String process(String id, String task) {
      return """
          <?xml version="1.0" encoding="UTF-8"?>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://baton.io/test">
            <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
              <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
              %s
              <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
              <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
              <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
            </bpmn:process>
          </bpmn:definitions>
          """
          .formatted(id, task);
    }

    void assertRefused(String task, String reason) {
      String id = "evil-" + UUID.randomUUID().toString().substring(0, 8);
      ResponseEntity<String> response = deploy("analyst", id + ".bpmn", process(id, task));

      assertStatus(response, HttpStatus.BAD_REQUEST, "'work' (");
      assertThat(response.getBody()).contains(reason);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(id).count())
          .isZero();
    }

    @Test
    void should_refuse_an_expression_that_runs_code() {
      Path marker = marker();
      assertRefused(
          "<bpmn:serviceTask id=\"work\" camunda:expression=\"%s\"/>".formatted(rce(marker)),
          "method 'getClass()' is not allowed");
      assertThat(marker).doesNotExist();
    }

    @Test
    void should_refuse_a_java_class() {
      assertRefused(
          "<bpmn:serviceTask id=\"work\" camunda:class=\"java.lang.Thread\"/>",
          "camunda:class is not allowed");
    }

    @Test
    void should_refuse_a_delegate_expression_on_a_bean_that_is_not_batons() {
      assertRefused(
          "<bpmn:serviceTask id=\"work\" camunda:delegateExpression=\"${runtimeService}\"/>",
          "bean 'runtimeService' is not one of Baton's");
    }

    @Test
    void should_refuse_an_execution_listener_that_runs_code() {
      assertRefused(
          """
          <bpmn:userTask id="work"><bpmn:extensionElements>
            <camunda:executionListener event="start" expression="${systemEnvironment.get('HOME')}"/>
          </bpmn:extensionElements></bpmn:userTask>
          """,
          "bean 'systemEnvironment' is not one of Baton's");
    }

    @Test
    void should_refuse_a_script() {
      assertRefused(
          """
          <bpmn:scriptTask id="work" scriptFormat="javascript">
            <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
          </bpmn:scriptTask>
          """,
          "scripts and connectors are not allowed");
    }

    @Test
    void should_refuse_an_expression_split_by_a_comment_or_cdata() {
      Path marker = marker();
      String split = rce(marker).replaceFirst("\\$\\{", "\\$<!---->{");
      assertRefused(
          "<bpmn:serviceTask id=\"work\" camunda:type=\"external\" camunda:topic=\"t\">"
              + "<bpmn:extensionElements><camunda:inputOutput>"
              + "<camunda:inputParameter name=\"x\">"
              + split
              + "</camunda:inputParameter>"
              + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>",
          "method 'getClass()' is not allowed");
      assertThat(marker).doesNotExist();
    }

    @Test
    void should_refuse_a_form_handler_class() {
      assertRefused(
          "<bpmn:userTask id=\"work\" camunda:formHandlerClass=\"java.lang.Thread\"/>",
          "camunda:formHandlerClass is not allowed");
    }

    @Test
    void should_refuse_a_bean_method_that_is_not_meant_for_diagrams() {
      assertRefused(
          "<bpmn:userTask id=\"work\" camunda:assignee="
              + "\"${caseApprovals.recordRouting(execution.processInstanceId,'AUTO_EXECUTE',false,'x')}\"/>",
          "method 'recordRouting' of bean 'caseApprovals' is not open to diagrams");
    }

    @Test
    void should_refuse_resources_that_are_not_diagrams_decisions_or_forms() {
      ResponseEntity<String> response =
          deploy("analyst", "form.txt", "<form><script>alert(document.cookie)</script></form>");

      assertStatus(response, HttpStatus.BAD_REQUEST, "only BPMN, DMN, Camunda Forms");
    }

    @Test
    void should_refuse_a_decision_in_juel() {
      String dmn =
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d"
              namespace="http://baton.io/test">
            <decision id="evil-decision" name="evil">
              <literalExpression id="work" expressionLanguage="juel">
                <text>${''.getClass()}</text>
              </literalExpression>
            </decision>
          </definitions>
          """;

      ResponseEntity<String> response = deploy("analyst", "evil.dmn", dmn);

      assertStatus(response, HttpStatus.BAD_REQUEST, "expressionLanguage 'juel' is not allowed");
    }

    @Test
    void should_deploy_a_diagram_that_uses_only_allowed_expressions() {
      String id = "safe-" + UUID.randomUUID().toString().substring(0, 8);
      String task =
          "<bpmn:userTask id=\"work\" camunda:candidateGroups=\"reviewers\""
              + " camunda:dueDate=\"${dateTime().plusHours(4).toDate()}\"/>";

      ResponseEntity<String> response = deploy("analyst", id + ".bpmn", process(id, task));

      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void should_let_only_analysts_and_admins_deploy() {
      String id = "safe-" + UUID.randomUUID().toString().substring(0, 8);
      String task = "<bpmn:userTask id=\"work\"/>";

      for (String user : List.of("reviewer", "supervisor", "auditor")) {
        assertThat(deploy(user, id + ".bpmn", process(id, task)).getStatusCode())
            .as(user)
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
  }

  @Nested
  class Finding3_4_7_8_StartRules extends StartRuleScenarios {}

  @Nested
  class Findings extends SecurityFindingsChecks {}

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
        // the same user is limited on the engine API under a named engine too
        HttpResponse<String> named =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                http.getRootUri()
                                    + "/engine-rest/engine/default/process-definition/key/"
                                    + "customer-request/start"))
                        .header("Authorization", basic(user, RATE_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(named.statusCode()).isEqualTo(429);
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
        "{\"topic\":\"baton.notify\",\"processInstanceId\":\"p\",\"owner\":\"o\",\"leaseMillis\":1000,"
            + "\"externalTaskId\":\"t\",\"digest\":\"d\"}";

    /** Valid, of a type no mapping names: past the group check it is refused with 400. */
    static final String EVENT =
        "{\"specversion\":\"1.0\",\"id\":\"role-table\",\"source\":\"/roles\","
            + "\"type\":\"io.baton.roles.unmapped\",\"data\":{}}";

    static final String CLAIM =
        "{\"callId\":\"c\",\"model\":\"m\",\"processInstanceId\":\"p\",\"worstCaseCost\":0.1}";

    static final String RATE_CLAIM =
        "{\"callId\":\"c\",\"model\":\"m\",\"requestsPerMinute\":5,\"tokens\":1}";

    static final String MEMORY_QUERY =
        "{\"memoryKey\":\"undeclared\",\"subject\":\"C-9\",\"vector\":[0.1],\"limit\":5}";

    static final String PAYLOADS = "/api/payloads?processInstanceId={instance}&kind=";

    static final String MCP_INITIALIZE =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"roles\",\"version\":\"1\"}}}";

    static final String SET_ROUTE = "{\"modifications\":{\"route\":{\"value\":\"AUTO_EXECUTE\"}}}";
    static final String NEW_USER =
        "{\"profile\":{\"id\":\"%s\"},\"credentials\":{\"password\":\"Str0ng!Passw0rd-2026\"}}";

    static final List<String> AUDIT_READS =
        List.of(
            "/api/audit/cases?businessKey=role-table",
            "/api/audit/entries?from=2026-01-01T00:00:00Z&to=2100-01-01T00:00:00Z",
            "/api/audit/export?from=2026-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&format=csv");

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
      for (String user : List.of("admin", "auditor", "supervisor")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/cases/{instance}/governance", null, 200));
      }
      for (String user : List.of("analyst", "reviewer", "worker")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/cases/{instance}/governance", null, 403));
      }
      // the case trail is for auditors alone: not even admins read or export it
      for (String path : AUDIT_READS) {
        rows.add(new Row("auditor", HttpMethod.GET, path, null, 200));
        for (String user : List.of("admin", "analyst", "reviewer", "supervisor", "worker")) {
          rows.add(new Row(user, HttpMethod.GET, path, null, 403));
        }
      }
      for (String user : List.of("admin", "analyst", "reviewer", "supervisor", "worker")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/audit/cases/{instance}", null, 403));
      }
      for (String user : List.of("admin", "analyst", "reviewer", "supervisor", "auditor")) {
        rows.add(new Row(user, HttpMethod.POST, "/api/model-calls", "{}", 403));
        rows.add(
            new Row(
                user, HttpMethod.POST, "/api/model-calls/reservations", "[" + CLAIM + "]", 403));
        rows.add(
            new Row(
                user, HttpMethod.POST, "/api/model-calls/admissions", "[" + RATE_CLAIM + "]", 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/model-calls/batch", "[{}]", 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/effects/{instance}/start", EFFECT, 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/memory/entries", "[]", 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/memory/similar", MEMORY_QUERY, 403));
        rows.add(new Row(user, HttpMethod.GET, "/api/agent-conversations?id=x/y", null, 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/agent-conversations", "{}", 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/agent-conversations/turns", "{}", 403));
        rows.add(new Row(user, HttpMethod.POST, "/api/agent-conversations/model-calls", "{}", 403));
      }
      // past the group check: no such conversation; a turn that names nothing
      rows.add(new Row("worker", HttpMethod.GET, "/api/agent-conversations?id=x/y", null, 404));
      rows.add(new Row("worker", HttpMethod.POST, "/api/agent-conversations/turns", "{}", 400));
      rows.add(
          new Row("worker", HttpMethod.POST, "/api/agent-conversations/model-calls", "{}", 400));
      rows.add(new Row("worker", HttpMethod.POST, "/api/agent-conversations", "{}", 400));
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
      // past the group check: a claim that names nothing is refused with its batch; one that
      // names no running case is answered as invalid
      rows.add(new Row("worker", HttpMethod.POST, "/api/model-calls/reservations", "[{}]", 400));
      rows.add(
          new Row(
              "worker", HttpMethod.POST, "/api/model-calls/reservations", "[" + CLAIM + "]", 200));
      // workflow memory's payloads: workers store them; workers, auditors and supervisors read them
      for (String user : List.of("admin", "analyst", "reviewer", "supervisor", "auditor")) {
        rows.add(new Row(user, HttpMethod.POST, PAYLOADS + "text", "\"x\"", 403));
      }
      rows.add(new Row("worker", HttpMethod.POST, PAYLOADS + "text", "\"x\"", 201));
      rows.add(new Row("worker", HttpMethod.POST, PAYLOADS + "pdf", "\"x\"", 400));
      for (String user : List.of("admin", "supervisor", "auditor", "worker")) {
        // past the group check: no such payload
        rows.add(new Row(user, HttpMethod.GET, "/api/payloads/none", null, 404));
      }
      for (String user : List.of("analyst", "reviewer", "operator", "integration")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/payloads/none", null, 403));
      }
      // a batch with a call that names nothing is refused whole
      rows.add(new Row("worker", HttpMethod.POST, "/api/model-calls/batch", "[{}]", 400));
      rows.add(new Row("worker", HttpMethod.POST, "/api/model-calls/batch", "[]", 400));
      // past the group check: no entries; a memory key nobody declared
      rows.add(new Row("worker", HttpMethod.POST, "/api/memory/entries", "[]", 400));
      rows.add(new Row("worker", HttpMethod.POST, "/api/memory/similar", MEMORY_QUERY, 400));
      rows.add(
          new Row(
              "worker",
              HttpMethod.POST,
              "/api/model-calls/admissions",
              "[{\"callId\":\"c\",\"model\":\"m\",\"tokens\":1}]",
              400));
      for (String user : List.of("admin", "integration")) {
        rows.add(new Row(user, HttpMethod.POST, "/api/events", EVENT, 400));
      }
      for (String user :
          List.of("analyst", "reviewer", "supervisor", "auditor", "operator", "worker")) {
        rows.add(new Row(user, HttpMethod.POST, "/api/events", EVENT, 403));
      }
      for (String user :
          List.of("admin", "analyst", "reviewer", "supervisor", "auditor", "operator", "worker")) {
        // the demo ERP stands in for another system: Baton's accounts are not its users
        rows.add(new Row(user, HttpMethod.GET, "/demo/erp/shipments", null, 401));
        rows.add(
            new Row(
                user,
                HttpMethod.PUT,
                "/demo/erp/shipments/S-1/reroute",
                "{\"option\":\"WAIT\"}",
                401));
      }
      for (String user : List.of("admin", "reviewer", "supervisor", "operator")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/subjects/customerId/C-9", null, 200));
      }
      for (String user : List.of("analyst", "auditor", "worker", "integration")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/subjects/customerId/C-9", null, 403));
      }
      for (String user : List.of("admin", "operator", "supervisor", "auditor")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/dashboard", null, 200));
      }
      for (String user : List.of("analyst", "reviewer", "worker", "integration")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/dashboard", null, 403));
      }
      // erasure: privacy officers alone; the record of erasures also for auditors
      rows.add(new Row("privacy", HttpMethod.POST, "/api/erasures", "{}", 400));
      for (String user : everyoneBut("privacy")) {
        rows.add(
            new Row(
                user,
                HttpMethod.POST,
                "/api/erasures",
                "{\"subjectKey\":\"customerId\",\"subjectId\":\"C-1\",\"reason\":\"r\"}",
                403));
      }
      for (String user : List.of("privacy", "auditor")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/erasures", null, 200));
      }
      for (String user : List.of("admin", "reviewer", "operator", "worker")) {
        rows.add(new Row(user, HttpMethod.GET, "/api/erasures", null, 403));
      }
      for (String user : List.of("admin", "operator")) {
        rows.add(new Row(user, HttpMethod.GET, "/actuator/prometheus", null, 200));
      }
      for (String user : List.of("analyst", "reviewer", "supervisor", "auditor", "worker")) {
        rows.add(new Row(user, HttpMethod.GET, "/actuator/prometheus", null, 403));
        rows.add(new Row(user, HttpMethod.GET, "/actuator/metrics", null, 403));
      }
      // learned examples: the model's (workers read them), for oversight; removal by supervisors
      String learned = "/api/learned-examples?labelSet=customer-intents";
      for (String user : List.of("admin", "supervisor", "auditor", "worker")) {
        rows.add(new Row(user, HttpMethod.GET, learned, null, 200));
      }
      for (String user : List.of("analyst", "reviewer", "operator", "integration")) {
        rows.add(new Row(user, HttpMethod.GET, learned, null, 403));
      }
      rows.add(new Row("worker", HttpMethod.GET, "/api/learned-examples?labelSet=nope", null, 400));
      String forget = "/api/learned-examples?reviewer=nobody";
      for (String user : List.of("admin", "supervisor")) {
        rows.add(new Row(user, HttpMethod.DELETE, forget, null, 200));
      }
      for (String user :
          List.of("analyst", "reviewer", "auditor", "operator", "worker", "integration")) {
        rows.add(new Row(user, HttpMethod.DELETE, forget, null, 403));
      }
      rows.add(new Row("supervisor", HttpMethod.DELETE, "/api/learned-examples", null, 400));
      // the MCP server: MCP clients alone (past the group check, an initialize that does not
      // accept text/event-stream is refused with 400); admins join the group to use it
      rows.add(new Row("agent", HttpMethod.POST, "/mcp", MCP_INITIALIZE, 400));
      for (String user : everyoneBut("agent")) {
        rows.add(new Row(user, HttpMethod.POST, "/mcp", MCP_INITIALIZE, 403));
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

    /** Every account of the table but these. */
    static List<String> everyoneBut(String... users) {
      List<String> everyone =
          new java.util.ArrayList<>(
              List.of(
                  "admin",
                  "analyst",
                  "reviewer",
                  "supervisor",
                  "auditor",
                  "operator",
                  "worker",
                  "integration",
                  "privacy",
                  "agent"));
      everyone.removeAll(List.of(users));
      return everyone;
    }

    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    /**
     * The dashboard page and its figures take the webapp login, for the groups that may see them;
     * nothing else of the API does.
     */
    @Test
    void the_webapp_login_reads_the_dashboard_figures_and_nothing_else() {
      WebappSession supervisor = WebappSession.login(http, "supervisor", "supervisor");
      assertThat(supervisor.exchange(HttpMethod.GET, "/api/dashboard", null, null).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(
              supervisor
                  .exchange(HttpMethod.GET, "/api/cases/" + instance() + "/governance", null, null)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(
              supervisor
                  .exchange(
                      HttpMethod.POST,
                      "/api/customer-requests",
                      VALID_REQUEST,
                      MediaType.APPLICATION_JSON)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);

      assertThat(supervisor.exchange(HttpMethod.GET, "/dashboard", null, null).getBody())
          .contains("/dashboard/dashboard.js");

      WebappSession reviewer = WebappSession.login(http, "reviewer", "reviewer");
      assertThat(reviewer.exchange(HttpMethod.GET, "/api/dashboard", null, null).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> page = reviewer.exchange(HttpMethod.GET, "/dashboard", null, null);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(page.getBody()).contains("Not for your groups");
    }

    @Test
    void the_demo_erp_takes_only_its_own_bearer_token() {
      HttpHeaders headers = new HttpHeaders();
      headers.setBearerAuth("demo-erp-token");
      assertThat(
              http.exchange(
                      "/demo/erp/shipments",
                      HttpMethod.GET,
                      new HttpEntity<>(headers),
                      String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(200);
      headers.setBearerAuth("demo-erp-token-guessed");
      assertThat(
              http.exchange(
                      "/demo/erp/shipments",
                      HttpMethod.GET,
                      new HttpEntity<>(headers),
                      String.class)
                  .getStatusCode()
                  .value())
          .isEqualTo(401);
    }

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
