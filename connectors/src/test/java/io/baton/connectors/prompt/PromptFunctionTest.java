package io.baton.connectors.prompt;

import static io.baton.models.TestModels.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.TaskContext;
import io.baton.models.ModelNotGenerativeException;
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
  private final PromptFunction prompt = new PromptFunction(registry, models.prompts);
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
        .isInstanceOf(ModelNotGenerativeException.class);
    assertThat(simulator.requests()).isEmpty();
  }
}
