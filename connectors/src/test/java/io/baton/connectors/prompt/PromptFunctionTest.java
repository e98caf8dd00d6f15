package io.baton.connectors.prompt;

import static io.baton.models.TestModels.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.TaskContext;
import io.baton.connectors.extract.SchemaCatalog;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelSettings;
import io.baton.models.TestModels;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptFunctionTest {

  private final OpenAiSimulator simulator = new OpenAiSimulator().requireApiKey("test").start();
  private final TestModels models = new TestModels();
  private final ModelRegistry registry =
      models.registry(
          Map.of(
              "local", ModelSettings.of("local"),
              "remote", remote("openai", "sim-small", simulator.baseUrl(), "test")));
  private final PromptFunction prompt =
      new PromptFunction(
          registry, models.prompts, new SchemaCatalog("classpath*:processes/schemas/*.json"));
  private final Map<String, Object> variables =
      Map.of("documentText", "Water damage in the kitchen, no photos.");

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void should_render_the_template_with_process_variables_and_record_its_version() {
    simulator
        .when(Match.userContains("Water damage in the kitchen"))
        .replyJson("{\"summary\":\"Water damage claim\",\"openQuestions\":[\"photos?\"]}");

    PromptResult result =
        prompt.apply(
            new PromptRequest("summarize-claim", null, "remote", variables), TaskContext.NONE);

    assertThat(result.answerJson()).containsEntry("summary", "Water damage claim");
    assertThat(result.answerPrompt()).isEqualTo("summarize-claim@1");
    assertThat(simulator.requests().get(0).responseFormat()).isEqualTo("json_object");
    assertThat(models.calls)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.promptId()).isEqualTo("summarize-claim");
              assertThat(c.promptVersion()).isEqualTo(1);
            });
  }

  @Test
  void should_fail_on_an_answer_that_is_not_the_json_asked_for() {
    simulator.when(Match.anyRequest()).malformedJson();

    assertThatThrownBy(
            () ->
                prompt.apply(
                    new PromptRequest("summarize-claim", 1, "remote", variables), TaskContext.NONE))
        .isInstanceOf(ModelOutputException.class)
        .hasMessageContaining("model 'remote' answered malformed JSON");
  }

  @Test
  void should_name_a_missing_variable_an_unknown_version_and_a_model_that_cannot_write() {
    assertThatThrownBy(
            () ->
                prompt.apply(
                    new PromptRequest("summarize-claim", null, "remote", Map.of()),
                    TaskContext.NONE))
        .hasMessageContaining("summarize-claim@1")
        .hasMessageContaining("documentText");
    assertThatThrownBy(
            () ->
                prompt.apply(
                    new PromptRequest("summarize-claim", 7, "remote", variables), TaskContext.NONE))
        .hasMessageContaining("has no version 7");
    assertThatThrownBy(
            () ->
                prompt.apply(
                    new PromptRequest("summarize-claim", null, "local", variables),
                    TaskContext.NONE))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> {
              assertThat(e.code()).isEqualTo(PromptFunction.NO_GENERATIVE_MODEL);
              assertThat(e).hasMessageContaining("model 'local' is not generative");
            });
    assertThat(simulator.requests()).isEmpty();
  }

  private final Map<String, Object> delayed =
      Map.of(
          "shipmentId", "S-1001",
          "quantity", 40,
          "sku", "PUMP-200",
          "supplierId", "SUP-7",
          "destination", "Rotterdam",
          "delayDays", 9,
          "inventory", "[{\"warehouse\":\"Hamburg\",\"available\":120}]",
          "contractClauses", "The supplier pays 1% of the order value per day of delay.");

  @Test
  void should_accept_an_answer_that_fits_the_schema() {
    simulator
        .when(Match.userContains("S-1001"))
        .replyJson(
            "{\"impact\":\"HIGH\",\"rerouteOption\":\"TRANSFER_STOCK\",\"rerouteWarehouse\":"
                + "\"Hamburg\",\"rerouteCost\":1800,\"rerouteRationale\":\"Hamburg has stock.\"}");

    PromptResult result =
        prompt.apply(
            new PromptRequest("assess-disruption", 1, "remote", "reroute-proposal", delayed),
            TaskContext.NONE);

    assertThat(result.answerJson()).containsEntry("rerouteWarehouse", "Hamburg");
  }

  @Test
  void should_raise_answer_invalid_when_the_answer_does_not_fit_the_schema() {
    simulator
        .when(Match.userContains("S-1001"))
        .replyJson("{\"impact\":\"SEVERE\",\"rerouteOption\":\"TELEPORT\"}");

    assertThatThrownBy(
            () ->
                prompt.apply(
                    new PromptRequest(
                        "assess-disruption", 1, "remote", "reroute-proposal", delayed),
                    TaskContext.NONE))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> {
              assertThat(e.code()).isEqualTo(PromptFunction.ANSWER_INVALID);
              assertThat(e).hasMessageContaining("does not fit schema 'reroute-proposal'");
            });
  }
}
