package io.baton.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.memory.payloads.PayloadViews;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review form's create side and what the completion listener learns from it, on a real
 * in-memory engine: a review task declares its fields in {@code camunda:properties}, the reviewer
 * submits the form as Tasklist does ({@code FormService.submitTaskForm}).
 */
class ReviewFormTest {

  private static final LabelSetCatalog LABEL_SETS =
      new LabelSetCatalog("classpath*:processes/label-sets/*.json", new ObjectMapper());
  private static final ReviewForm FORM =
      new ReviewForm(LABEL_SETS, null, null, new PayloadViews(null)); // no action to show
  private static final Map<String, Object> RECORDED = new HashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ProcessEngine engine;

  private static final String PROCESS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                   targetNamespace="http://baton.io/test">
        <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="start" />
          <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
          <userTask id="review">
            <extensionElements>
              <camunda:properties>%s</camunda:properties>
              <camunda:taskListener delegateExpression="${reviewForm}" event="create" />
              <camunda:taskListener delegateExpression="${recordChanges}" event="complete" />
            </extensionElements>
          </userTask>
          <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          <endEvent id="end" />
        </process>
      </definitions>
      """;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration =
        (StandaloneInMemProcessEngineConfiguration)
            ProcessEngineConfigurationImpl.createStandaloneInMemProcessEngineConfiguration();
    configuration
        .setJdbcUrl("jdbc:h2:mem:review-form-" + UUID.randomUUID())
        .setProcessEngineName("review-form-" + UUID.randomUUID());
    configuration.setBeans(Map.of("reviewForm", FORM, "recordChanges", recordChanges()));
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    engine = configuration.buildProcessEngine();
    deploy(
        "invoice-review",
        property("baton.review.fields", "invoiceNumber,vendor,totalAmount,quantity,currency")
            + property("baton.review.editable", "invoiceNumber, vendor, totalAmount, quantity")
            + property("baton.review.label", "risk")
            + property("baton.review.labelSet", "document-risk")
            + property("baton.review.context", "documentText,extractionProblem"));
    deploy("plain-review", property("baton.review.fields", "reply"));
  }

  private static TaskListener recordChanges() {
    return task -> {
      RECORDED.put("changes", FORM.changes(task));
      if ("CHANGE_LABEL".equals(task.getVariable("reviewDecision"))) {
        RECORDED.put("label", FORM.correctedLabel(task));
      }
    };
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void forget() {
    RECORDED.clear();
  }

  @Test
  void should_show_each_field_beside_the_AIs_value_with_the_label_sets_options() throws Exception {
    String task = startInvoiceReview();

    assertThat(local(task, "reviewFields"))
        .isEqualTo(
            List.of(
                field("invoiceNumber", "Invoice number", "INV-5150", true),
                field("vendor", "Vendor", "Paper & Co", true),
                field("totalAmount", "Total amount", "18500", true),
                field("quantity", "Quantity", "3", true),
                field("currency", "Currency", "EUR", false)));
    assertThat(engine.getTaskService().getVariableLocal(task, "aiLabel")).isEqualTo("LOW");
    List<Object> options =
        ((List<?>) local(task, "labelOptions"))
            .stream().<Object>map(option -> ((Map<?, ?>) option).get("value")).toList();
    assertThat(options).containsExactlyElementsOf(LABEL_SETS.get("document-risk").names());
    assertThat(engine.getTaskService().getVariablesLocal(task))
        .containsEntry("reviewAiValue3", "18500")
        .containsEntry("reviewValue3", "18500")
        .containsEntry("reviewContext1", "Invoice No.: INV-5150")
        .doesNotContainKey("reviewValue6");
    assertThat(local(task, "reviewContext"))
        .isEqualTo(List.of(Map.of("name", "documentText", "label", "Document text")));
  }

  @Test
  void should_leave_out_what_a_review_does_not_declare() {
    String task = start("plain-review", Map.of("reply", "Hello"));

    assertThat(engine.getTaskService().getVariablesLocal(task))
        .containsOnlyKeys("reviewFields", "aiValues", "reviewAiValue1", "reviewValue1");
  }

  @Test
  void should_return_the_edited_fields_in_the_type_the_AIs_value_had() {
    String task = startInvoiceReview();

    submit(task, "INV-5150", "Paper and Company Ltd", "18500.50", "4", "EUR");

    assertThat(RECORDED.get("changes"))
        .isEqualTo(
            Map.of("vendor", "Paper and Company Ltd", "totalAmount", 18500.5, "quantity", 4));
  }

  @Test
  void should_not_count_a_number_written_differently_as_a_change() {
    String task = startInvoiceReview();

    submit(task, "INV-5150", " Paper & Co ", "18500.00", "3", "EUR");

    assertThat(RECORDED.get("changes")).isEqualTo(Map.of());
  }

  @Test
  void should_refuse_a_change_to_a_field_the_review_does_not_let_change() {
    String task = startInvoiceReview();

    assertThatThrownBy(() -> submit(task, "INV-5150", "Paper & Co", "18500", "3", "USD"))
        .hasRootCauseInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("'currency' cannot be changed");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void should_refuse_a_value_that_is_not_a_number_where_the_AI_gave_one() {
    String task = startInvoiceReview();

    assertThatThrownBy(() -> submit(task, "INV-5150", "Paper & Co", "lots", "3", "EUR"))
        .hasRootCauseInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("'totalAmount' must be a number");
  }

  @Test
  void should_count_a_variable_the_reviewer_set_directly() {
    String task = startInvoiceReview();

    engine.getTaskService().complete(task, Map.of("vendor", "Build It Limited"));
    assertThat(RECORDED.get("changes")).isEqualTo(Map.of("vendor", "Build It Limited"));

    String next = startInvoiceReview();
    assertThatThrownBy(() -> engine.getTaskService().complete(next, Map.of("currency", "USD")))
        .hasMessageContaining("'currency' cannot be changed");
  }

  @Test
  void should_keep_a_number_set_directly_where_the_AI_gave_no_value() {
    String task = start("invoice-review", Map.of("invoiceNumber", "INV-5150", "currency", "EUR"));

    engine.getTaskService().complete(task, Map.of("totalAmount", 18500.0));

    assertThat(RECORDED.get("changes")).isEqualTo(Map.of("totalAmount", 18500.0));
  }

  @Test
  void should_accept_a_corrected_label_only_from_the_label_set() {
    String task = startInvoiceReview();

    assertThatThrownBy(
            () ->
                engine
                    .getFormService()
                    .submitTaskForm(
                        task, Map.of("reviewDecision", "CHANGE_LABEL", "correctedLabel", "TINY")))
        .hasRootCauseInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("'correctedLabel' must be one of [LOW");

    engine
        .getFormService()
        .submitTaskForm(task, Map.of("reviewDecision", "CHANGE_LABEL", "correctedLabel", "HIGH"));
    assertThat(RECORDED.get("label")).isEqualTo("HIGH");
  }

  @Test
  void should_name_the_property_when_an_editable_field_is_not_shown() {
    deploy(
        "misdrawn-review",
        property("baton.review.fields", "reply") + property("baton.review.editable", "intent"));

    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey("misdrawn-review", Map.of("reply", "Hello")))
        .hasMessageContaining("baton.review.editable names 'intent'");
  }

  @Test
  void should_match_the_slots_of_the_review_form() throws Exception {
    JsonNode form = JSON.readTree(Path.of("forms", "baton-review.form").toFile());
    List<String> keys = form.findValuesAsText("key");

    for (int i = 1; i <= ReviewForm.MAX_FIELDS; i++) {
      assertThat(keys).contains("reviewValue" + i, "reviewAiValue" + i);
    }
    for (int i = 1; i <= ReviewForm.MAX_CONTEXT; i++) {
      assertThat(keys).contains("reviewContext" + i);
    }
    assertThat(keys)
        .doesNotContain(
            "reviewValue" + (ReviewForm.MAX_FIELDS + 1),
            "reviewContext" + (ReviewForm.MAX_CONTEXT + 1));
    assertThat(form.findValuesAsText("type")).doesNotContain("dynamiclist");
  }

  private static String startInvoiceReview() {
    return start(
        "invoice-review",
        Map.of(
            "invoiceNumber", "INV-5150",
            "vendor", "Paper & Co",
            "totalAmount", 18500.0,
            "quantity", 3,
            "currency", "EUR",
            "risk", "LOW",
            "documentText", "Invoice No.: INV-5150"));
  }

  private static String start(String key, Map<String, Object> variables) {
    String processInstance =
        engine.getRuntimeService().startProcessInstanceByKey(key, variables).getId();
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstance)
        .singleResult()
        .getId();
  }

  /** Submits the form as Tasklist does: the reviewer's values in their slots, and a decision. */
  private static void submit(String task, String... values) {
    VariableMap variables = Variables.createVariables().putValue("reviewDecision", "APPROVE");
    for (int i = 0; i < values.length; i++) {
      variables.putValue("reviewValue" + (i + 1), values[i]);
    }
    engine.getFormService().submitTaskForm(task, variables);
  }

  private static Object local(String task, String name) throws Exception {
    return JSON.readValue(
        String.valueOf(engine.getTaskService().getVariableLocal(task, name)), Object.class);
  }

  private static Map<String, Object> field(
      String name, String label, String aiValue, boolean editable) {
    return Map.of(
        "name", name, "label", label, "aiValue", aiValue, "value", aiValue, "editable", editable);
  }

  private static String property(String name, String value) {
    return "<camunda:property name=\"%s\" value=\"%s\" />".formatted(name, value);
  }

  private static void deploy(String key, String properties) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addString(key + ".bpmn", PROCESS.formatted(key, properties))
        .deploy();
  }
}
