package io.baton.connectors.extract;

import static io.baton.models.TestModels.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.TaskContext;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelSettings;
import io.baton.models.ModelUnavailableException;
import io.baton.models.TestModels;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExtractFunctionTest {

  private static final String INVOICE =
      """
      Invoice No.: INV-7
      Supplier: Northwind Traders
      Total due: EUR 12,400.00
      Currency: EUR
      """;
  private static final TaskContext CONTEXT =
      new TaskContext("pi-9", "extract", "ai-1", "t-1", null);

  private final OpenAiSimulator simulator = new OpenAiSimulator().requireApiKey("test").start();
  private final TestModels models = new TestModels();
  private final ModelRegistry registry =
      models.registry(
          Map.of(
              "local", ModelSettings.of("local"),
              "remote", remote("openai", "sim-small", simulator.baseUrl(), "test")));
  private final ExtractFunction extract =
      new ExtractFunction(registry, new SchemaCatalog("classpath*:processes/schemas/*.json"));

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static ExtractRequest request(String model) {
    return new ExtractRequest(INVOICE, "invoice", null, model);
  }

  @Test
  void should_extract_with_the_offline_model() {
    ExtractResult result = extract.apply(request("local"), CONTEXT);

    assertThat(result.extracted())
        .containsEntry("invoiceNumber", "INV-7")
        .containsEntry("vendor", "Northwind Traders")
        .containsEntry("currency", "EUR");
    assertThat(((Number) result.extracted().get("totalAmount")).doubleValue()).isEqualTo(12400.0);
    assertThat(result.extractGenerated()).isFalse();
    assertThat(result.extractAttempts()).isEqualTo(1);
  }

  @Test
  void should_extract_with_a_remote_model_in_json_mode() {
    simulator
        .when(Match.userContains("INV-7"))
        .replyJson(
            "{\"invoiceNumber\":\"INV-7\",\"vendor\":\"Northwind Traders\",\"totalAmount\":12400,\"currency\":\"EUR\"}");

    ExtractResult result = extract.apply(request("remote"), CONTEXT);

    assertThat(result.extractModel()).isEqualTo("remote");
    assertThat(result.extractGenerated()).isTrue();
    assertThat(simulator.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.responseFormat()).isEqualTo("json_object"));
    assertThat(models.calls)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.promptId()).isEqualTo("baton-extract");
              assertThat(c.processInstanceId()).isEqualTo("pi-9");
            });
  }

  @Test
  void should_repair_once_with_the_problems_fed_back() {
    simulator
        .when(Match.anyRequest())
        .times(1)
        .wrongSchema(
            "{\"invoiceNumber\":\"INV-7\",\"vendor\":\"Northwind\",\"totalAmount\":\"lots\"}");
    simulator
        .when(Match.userContains("INV-7"))
        .replyJson(
            "{\"invoiceNumber\":\"INV-7\",\"vendor\":\"Northwind Traders\",\"totalAmount\":12400,\"currency\":\"EUR\"}");

    ExtractResult result = extract.apply(request("remote"), CONTEXT);

    assertThat(result.extractAttempts()).isEqualTo(2);
    assertThat(simulator.requests()).hasSize(2);
    String repairPrompt = simulator.requests().get(1).body().toString();
    assertThat(repairPrompt)
        .contains("previous answer was wrong")
        .contains("totalAmount")
        .contains("currency");
  }

  @Test
  void should_raise_a_bpmn_error_when_the_repair_fails_too() {
    simulator.when(Match.anyRequest()).truncatedJson();

    assertThatThrownBy(() -> extract.apply(request("remote"), CONTEXT))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> assertThat(e.code()).isEqualTo(ExtractFunction.EXTRACTION_INVALID))
        .hasMessageContaining("after a repair attempt")
        .hasMessageContaining("not valid JSON");
    assertThat(simulator.requests()).hasSize(2);
  }

  @Test
  void should_raise_a_bpmn_error_when_the_offline_model_finds_required_fields_missing() {
    ExtractRequest unstructured =
        new ExtractRequest("Please pay us the usual amount. Thanks!", "invoice", null, "local");

    assertThatThrownBy(() -> extract.apply(unstructured, CONTEXT))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> assertThat(e.code()).isEqualTo(ExtractFunction.EXTRACTION_INVALID))
        .hasMessageContaining("invoiceNumber");
  }

  @Test
  void should_leave_an_unavailable_model_to_the_runtime_s_retries() {
    simulator.when(Match.anyRequest()).failWith(503);

    assertThatThrownBy(() -> extract.apply(request("remote"), CONTEXT))
        .isInstanceOf(ModelUnavailableException.class);
  }

  @Test
  void should_name_an_unknown_schema_and_an_invalid_one() {
    assertThatThrownBy(
            () -> extract.apply(new ExtractRequest(INVOICE, "claim", null, "local"), CONTEXT))
        .hasMessageContaining("no JSON schema 'claim'")
        .hasMessageContaining("invoice");
    assertThatThrownBy(
            () ->
                extract.apply(
                    new ExtractRequest(INVOICE, null, "{\"type\": 12}", "local"), CONTEXT))
        .hasMessageContaining("JSON schema is not valid");
  }
}
