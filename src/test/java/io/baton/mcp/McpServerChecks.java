package io.baton.mcp;

import static io.baton.support.ProcessInstances.awaitWaitingAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.identity.BatonGroups;
import io.baton.security.starts.StartRules;
import io.baton.support.ProcessInstances;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Baton's MCP server called by a real MCP client (langchain4j's, Streamable HTTP, HTTP Basic) on
 * the running application: customer-request as a tool whose call answers once a reviewer approved
 * the reply in Tasklist. Runs nested in an application with the embedded workers and the test
 * profile (jobs run when the test says so).
 */
public abstract class McpServerChecks {

  private static final String INITIALIZE =
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
       "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired RepositoryService repository;
  @Autowired SchemaCatalog schemas;
  @Autowired List<StartRules> rules;

  private final ObjectMapper json = new ObjectMapper();

  McpClient client(String user, String password) {
    return DefaultMcpClient.builder()
        .key("baton")
        .transport(
            StreamableHttpMcpTransport.builder()
                .url("http://localhost:" + port + "/mcp")
                .customHeaders(Map.of("Authorization", basic(user, password)))
                .timeout(Duration.ofSeconds(120))
                .build())
        .toolExecutionTimeout(Duration.ofSeconds(120))
        .build();
  }

  @Test
  void should_list_customer_request_as_a_tool_with_its_input_schema() throws Exception {
    try (McpClient client = client("agent", "agent")) {
      ToolSpecification tool =
          client.listTools().stream()
              .filter(candidate -> candidate.name().equals("customer-request"))
              .findFirst()
              .orElseThrow();

      assertThat(tool.description()).contains("Answers a customer's message");
      assertThat(tool.parameters().properties())
          .containsOnlyKeys("customerId", "message", "customerEmail", "amount");
      assertThat(tool.parameters().required()).containsExactlyInAnyOrder("customerId", "message");
    }
  }

  @Test
  void should_answer_the_reply_a_reviewer_approved_in_tasklist() throws Exception {
    String customerId = "MCP-" + System.nanoTime();
    try (McpClient client = client("agent", "agent")) {
      CompletableFuture<ToolExecutionResult> call =
          CompletableFuture.supplyAsync(
              () ->
                  client.executeTool(
                      request(
                          """
                          {"customerId":"%s","customerEmail":"mcp@customers.example",
                           "message":"The blender I bought stopped working after two days, I am upset."}
                          """
                              .formatted(customerId))));

      ProcessInstance pi = startedFor(customerId);
      awaitWaitingAt(pi, "review-ai-suggestion");
      assertThat(call).as("the call waits for the review").isNotDone();
      Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      tasks.claim(review.getId(), "reviewer");
      tasks.complete(
          review.getId(),
          Map.of("reviewDecision", "APPROVE", "reply", "We will replace your blender."));
      Job send = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
      management.executeJob(send.getId());

      ToolExecutionResult result = call.get(ProcessInstances.WORKERS.toSeconds(), TimeUnit.SECONDS);

      assertThat(result.isError()).as(result.resultText()).isFalse();
      JsonNode answer = json.readTree(result.resultText());
      assertThat(answer.path("processInstanceId").asText()).isEqualTo(pi.getId());
      assertThat(answer.path("endEvent").asText()).isEqualTo("request-answered");
      assertThat(answer.at("/result/reply").asText()).isEqualTo("We will replace your blender.");
      assertThat(answer.at("/result/reviewDecision").asText()).isEqualTo("APPROVE");
      assertThat(answer.at("/result/finalIntent").asText()).isEqualTo("COMPLAINT");
      assertThat(answer.at("/result/replyChannel").asText()).isEqualTo("email");
      assertThat(answer.at("/result").has("rejectReason")).isTrue();
      assertThat(
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(pi.getId())
                  .singleResult()
                  .getStartUserId())
          .as("started as the caller")
          .isEqualTo("agent");
    }
  }

  @Test
  void should_answer_a_tool_error_naming_the_field_for_bad_arguments() {
    long before = history.createHistoricProcessInstanceQuery().count();
    try (McpClient client = client("agent", "agent")) {
      assertThatThrownBy(() -> client.executeTool(request("{\"message\":\"Where is my parcel?\"}")))
          .hasMessageContaining("customerId");
      assertThatThrownBy(
              () ->
                  client.executeTool(
                      request("{\"customerId\":\"C-1\",\"message\":\"Hi\",\"priority\":\"high\"}")))
          .hasMessageContaining("priority");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void should_refuse_a_caller_the_engine_does_not_let_start_the_process() throws Exception {
    String user = "mcprevoked" + System.nanoTime() % 100_000;
    User account = identity.newUser(user);
    account.setPassword("Mcp!Revoked-2026");
    identity.saveUser(account);
    identity.createMembership(user, BatonGroups.MCP_CLIENTS);
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("customer-request");
    revoke.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(revoke);
    try (McpClient client = client(user, "Mcp!Revoked-2026")) {
      assertThatThrownBy(
              () ->
                  client.executeTool(
                      request("{\"customerId\":\"C-1\",\"message\":\"Where is my parcel?\"}")))
          .hasMessageContaining(user + " may not start customer-request");
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
      identity.deleteUser(user);
    }
  }

  @Test
  void should_answer_401_without_credentials_and_403_outside_the_group() throws Exception {
    assertThat(post(null).statusCode()).isEqualTo(401);
    assertThat(post(basic("reviewer", "reviewer")).statusCode()).isEqualTo(403);
    HttpResponse<String> agent = post(basic("agent", "agent"));
    assertThat(agent.statusCode()).isEqualTo(200);
    assertThat(json.readTree(agent.body()).at("/result/protocolVersion").asText())
        .isEqualTo("2025-11-25");
  }

  @Test
  void should_name_the_instance_when_the_call_times_out_and_say_why_a_cancelled_one_ended()
      throws Exception {
    ProcessTool tool =
        ProcessTools.deployed(repository, schemas, rules).stream()
            .filter(candidate -> candidate.name().equals("customer-request"))
            .findFirst()
            .orElseThrow();
    McpCaller agent = new McpCaller("agent", List.of(BatonGroups.MCP_CLIENTS), List.of());
    String customerId = "MCP-" + System.nanoTime();

    CallToolResult late =
        calls(Duration.ofSeconds(1))
            .call(tool, agent, Map.of("customerId", customerId, "message", "Where is my order?"))
            .block();

    ProcessInstance pi = startedFor(customerId);
    assertThat(late.isError()).isTrue();
    assertThat(text(late)).contains("process instance " + pi.getId()).contains("has not ended");

    String another = customerId + "-b";
    CompletableFuture<CallToolResult> cancelled =
        calls(ProcessInstances.WORKERS)
            .call(tool, agent, Map.of("customerId", another, "message", "Where is my order?"))
            .toFuture();
    ProcessInstances.cancel(startedFor(another).getId(), "withdrawn by the customer");
    ProcessInstances.cancel(pi.getId(), "test over");

    CallToolResult answer = cancelled.get(ProcessInstances.WORKERS.toSeconds(), TimeUnit.SECONDS);
    assertThat(answer.isError()).isTrue();
    assertThat(text(answer)).contains("was cancelled: withdrawn by the customer");
  }

  private ProcessToolCall calls(Duration timeout) {
    return new ProcessToolCall(
        runtime,
        history,
        repository,
        identity,
        new McpServerProperties(true, timeout, Duration.ofMillis(100), List.of()),
        json);
  }

  private static String text(CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private ProcessInstance startedFor(String customerId) {
    return await()
        .atMost(ProcessInstances.WORKERS)
        .until(
            () ->
                runtime
                    .createProcessInstanceQuery()
                    .processDefinitionKey("customer-request")
                    .variableValueEquals("customerId", customerId)
                    .singleResult(),
            instance -> instance != null);
  }

  private HttpResponse<String> post(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ToolExecutionRequest request(String arguments) {
    return ToolExecutionRequest.builder().name("customer-request").arguments(arguments).build();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
