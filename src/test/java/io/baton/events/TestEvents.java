package io.baton.events;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The events ITs' diagram and events: {@code test-events} starts on message {@code
 * TestEventStarted}, waits for {@code TestEventArrived}, then waits in user task {@code look}.
 */
final class TestEvents {

  static final String PROCESS = "test-events";
  static final String STARTED = "io.baton.test.started";
  static final String ARRIVED = "io.baton.test.arrived";

  /** The mappings the ITs run with: {@link #STARTED} and {@link #ARRIVED} among them. */
  static final String MAPPINGS = "classpath:events/test-mappings.properties";

  private TestEvents() {}

  static void deploy(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repository
          .createDeployment()
          .addModelInstance(PROCESS + ".bpmn", diagram())
          .addModelInstance("test-events-broken.bpmn", broken())
          .deploy();
    }
  }

  static BpmnModelInstance diagram() {
    return Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent("started")
        .message("TestEventStarted")
        .intermediateCatchEvent("arrived")
        .message("TestEventArrived")
        .userTask("look")
        .camundaCandidateGroups("reviewers")
        .endEvent()
        .done();
  }

  /**
   * Starts on message {@code TestEventBroken}, then fails in the same transaction: its gateway has
   * no way out.
   */
  static BpmnModelInstance broken() {
    return Bpmn.createExecutableProcess(PROCESS + "-broken")
        .camundaHistoryTimeToLive(1)
        .startEvent("started")
        .message("TestEventBroken")
        .exclusiveGateway("nowhere")
        .condition("never", "${caseId == 'never'}")
        .endEvent("unreachable")
        .moveToLastGateway()
        .condition("nor this", "${caseId == 'nor this'}")
        .endEvent("unreachable-too")
        .done();
  }

  /** A CloudEvent in structured mode. */
  static String event(String id, String type, String data) {
    return """
        {"specversion":"1.0","id":"%s","source":"/tests/erp","type":"%s",\
        "time":"2026-11-30T10:15:00Z","datacontenttype":"application/json","data":%s}"""
        .formatted(id, type, data);
  }
}
