package io.baton;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysts' files open in Camunda Modeler as they are: every BPMN element has diagram layout,
 * every process and decision has a history time to live, every DMN decision has a shape, and every
 * form a diagram names exists in {@code forms/}.
 */
class ProcessFilesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  static Stream<Path> bpmnFiles() throws IOException {
    return files(PROCESSES, ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files(PROCESSES, ".dmn");
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void bpmn_has_layout_for_every_element_and_a_history_time_to_live(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);

    Set<String> shapes =
        ids(
            model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()));
    Set<String> edges =
        ids(
            model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()));
    for (FlowElement element : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("%s: shape of %s", file, element.getId()).contains(element.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("%s: edge of %s", file, flow.getId()).contains(flow.getId());
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as("%s: history time to live of %s", file, process.getId())
          .isNotBlank();
      assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void every_form_a_diagram_names_is_in_the_forms_folder(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> formIds = formIds();
    Stream.concat(
            model.getModelElementsByType(StartEvent.class).stream()
                .map(StartEvent::getCamundaFormRef),
            model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef))
        .filter(ref -> ref != null)
        .forEach(ref -> assertThat(formIds).as("%s: formRef %s", file, ref).contains(ref));
  }

  @ParameterizedTest
  @MethodSource("dmnFiles")
  void dmn_has_a_shape_and_a_history_time_to_live_for_every_decision(Path file) throws IOException {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Dmn.validateModel(model);
    String xml = Files.readString(file);
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);

    assertThat(decisions).isNotEmpty();
    for (Decision decision : decisions) {
      assertThat(decision.getCamundaHistoryTimeToLiveString())
          .as("%s: history time to live", decision.getId())
          .isNotBlank();
      assertThat(xml)
          .as("%s: DMNDI shape", decision.getId())
          .contains("dmnElementRef=\"" + decision.getId() + "\"");
    }
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = files(FORMS, ".form")) {
      List<Path> paths = forms.toList();
      Set<String> ids = new java.util.HashSet<>();
      for (Path form : paths) {
        JsonNode schema = json.readTree(form.toFile());
        assertThat(schema.path("components").isArray()).as("%s has components", form).isTrue();
        ids.add(schema.path("id").asText());
      }
      return ids;
    }
  }

  private static Set<String> ids(Stream<String> ids) {
    return ids.collect(Collectors.toSet());
  }

  private static Stream<Path> files(Path folder, String suffix) throws IOException {
    return Files.walk(folder).filter(p -> p.toString().endsWith(suffix)).sorted();
  }
}
