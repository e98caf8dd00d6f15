package io.baton.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.security.starts.InvalidStartException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One call of a {@link ProcessTool}: starts the process as the caller (the engine applies the
 * caller's authorizations and the process's start rules, as on every way in), waits for the
 * instance to end by looking in the history every {@code poll-interval}, at most {@code
 * call-timeout}, and answers the declared result variables as they were at the end. A cancelled
 * instance, one that ended at an error end event, a refused start and a timeout answer a tool error
 * that says why and names the instance.
 */
final class ProcessToolCall {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final McpServerProperties properties;
  private final ObjectMapper json;

  ProcessToolCall(
      RuntimeService runtime,
      HistoryService history,
      RepositoryService repository,
      IdentityService identity,
      McpServerProperties properties,
      ObjectMapper json) {
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.identity = identity;
    this.properties = properties;
    this.json = json;
  }

  Mono<CallToolResult> call(ProcessTool tool, McpCaller caller, Map<String, Object> arguments) {
    return Mono.fromCallable(() -> start(tool, caller, arguments))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(instanceId -> awaitEnd(tool, instanceId))
        .onErrorResume(Refused.class, refused -> Mono.just(error(refused.getMessage())));
  }

  private String start(ProcessTool tool, McpCaller caller, Map<String, Object> arguments) {
    try {
      return caller.run(
          identity,
          () ->
              runtime
                  .startProcessInstanceByKey(tool.processKey(), tool.startVariables(arguments))
                  .getId());
    } catch (AuthorizationException e) {
      throw new Refused(
          "%s may not start %s: %s".formatted(caller.userId(), tool.processKey(), e.getMessage()));
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidStartException invalid) {
          throw new Refused(invalid.getMessage());
        }
      }
      throw e;
    }
  }

  private Mono<CallToolResult> awaitEnd(ProcessTool tool, String instanceId) {
    return Mono.fromCallable(() -> ended(instanceId))
        .subscribeOn(Schedulers.boundedElastic())
        .repeatWhenEmpty(polls -> polls.delayElements(properties.pollInterval()))
        .map(ended -> answer(tool, ended))
        .timeout(
            properties.callTimeout(),
            Mono.fromSupplier(
                () ->
                    error(
                        ("process instance %s of %s has not ended after %s; it goes on: follow it"
                                + " at /engine-rest/history/process-instance/%s")
                            .formatted(
                                instanceId,
                                tool.processKey(),
                                properties.callTimeout(),
                                instanceId))));
  }

  /** The instance once it has ended, else null. */
  private HistoricProcessInstance ended(String instanceId) {
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    return instance != null && instance.getEndTime() != null ? instance : null;
  }

  private CallToolResult answer(ProcessTool tool, HistoricProcessInstance instance) {
    String id = instance.getId();
    if (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
        || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState())) {
      return error(
          "process instance %s of %s was cancelled: %s"
              .formatted(id, tool.processKey(), instance.getDeleteReason()));
    }
    FlowElement end =
        repository
            .getBpmnModelInstance(instance.getProcessDefinitionId())
            .getModelElementById(instance.getEndActivityId());
    if (end instanceof EndEvent endEvent
        && !endEvent.getChildElementsByType(ErrorEventDefinition.class).isEmpty()) {
      return error(
          "process instance %s of %s ended at the error end event '%s'"
              .formatted(id, tool.processKey(), name(end)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("processInstanceId", id);
    answer.put("endEvent", instance.getEndActivityId());
    answer.put("outcome", end == null ? null : name(end));
    answer.put("result", variables(tool.resultVariables(), id));
    try {
      return CallToolResult.builder()
          .addContent(new TextContent(json.writeValueAsString(answer)))
          .structuredContent(answer)
          .isError(false)
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the result of " + id + " cannot be written as JSON", e);
    }
  }

  /** The values of the process-level variables, null for one the instance never set. */
  private Map<String, Object> variables(List<String> names, String instanceId) {
    Map<String, Object> values = new LinkedHashMap<>();
    names.forEach(name -> values.put(name, null));
    if (names.isEmpty()) {
      return values;
    }
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instanceId)
            .variableNameIn(names.toArray(String[]::new))
            .disableCustomObjectDeserialization()
            .list()) {
      if (instanceId.equals(variable.getExecutionId())) {
        values.put(variable.getName(), plain(variable.getTypedValue()));
      }
    }
    return values;
  }

  /** A value as JSON can carry it: JSON objects as JSON, dates as ISO-8601 text. */
  private Object plain(TypedValue value) {
    if (value == null || value.getValue() == null && !(value instanceof SerializableValue)) {
      return null;
    }
    if (value instanceof SerializableValue serialized
        && serialized.getSerializationDataFormat() != null
        && serialized.getSerializationDataFormat().contains("json")) {
      try {
        return json.readTree(serialized.getValueSerialized());
      } catch (JsonProcessingException e) {
        return serialized.getValueSerialized();
      }
    }
    Object plain = value.getValue();
    if (plain instanceof Date date) {
      return date.toInstant().toString();
    }
    return plain instanceof String || plain instanceof Number || plain instanceof Boolean
        ? plain
        : String.valueOf(plain);
  }

  private static String name(FlowElement element) {
    return element.getName() != null ? element.getName() : element.getId();
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().addContent(new TextContent(message)).isError(true).build();
  }

  /** A start the engine refused; nothing was started. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }
}
