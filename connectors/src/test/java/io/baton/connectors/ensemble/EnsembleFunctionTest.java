package io.baton.connectors.ensemble;

import static io.baton.models.TestModels.remote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.TaskContext;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.ModelRegistry;
import io.baton.models.ModelSettings;
import io.baton.models.ModelUnavailableException;
import io.baton.models.TestModels;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnsembleFunctionTest {

  private static final String TEXT =
      "Please pay urgently to our new bank account, the old one is closed";

  private final OpenAiSimulator simulator = new OpenAiSimulator().requireApiKey("test").start();
  private final TestModels models = new TestModels();
  private final ModelRegistry registry =
      models.registry(
          Map.of(
              "local", ModelSettings.of("local"),
              "a", remote("openai", "sim-a", simulator.baseUrl(), "test"),
              "b", remote("openai", "sim-b", simulator.baseUrl(), "test")));
  private final EnsembleFunction ensemble =
      new EnsembleFunction(
          registry,
          new LabelSetCatalog("classpath*:processes/label-sets/*.json", new ObjectMapper()));

  @AfterEach
  void stop() {
    simulator.close();
  }

  private void answer(String model, String label, double confidence) {
    simulator
        .when(Match.anyRequest())
        .forModel(model)
        .replyJson(
            "{\"label\":\"%s\",\"confidence\":%s,\"rationale\":\"r\"}"
                .formatted(label, confidence));
  }

  @Test
  void should_take_the_majority_and_report_disagreement() {
    answer("sim-a", "HIGH", 0.9);
    answer("sim-b", "MEDIUM", 0.7);

    EnsembleResult result =
        ensemble.apply(
            new EnsembleRequest(
                TEXT, "document-risk", null, List.of("local", "a", "b"), "vote", null),
            TaskContext.NONE);

    assertThat(result.intent()).isEqualTo("HIGH");
    assertThat(result.risk()).isEqualTo("HIGH");
    assertThat(result.votes())
        .extracting(EnsembleResult.Vote::label)
        .containsExactly("HIGH", "HIGH", "MEDIUM");
    assertThat(result.disagreement()).isEqualTo(0.333);
    assertThat(models.calls).hasSize(3);
  }

  @Test
  void should_agree_fully_when_all_models_choose_the_same() {
    answer("sim-a", "HIGH", 0.9);
    answer("sim-b", "HIGH", 0.8);

    EnsembleResult result =
        ensemble.apply(
            new EnsembleRequest(TEXT, "document-risk", null, List.of("a", "b"), null, null),
            TaskContext.NONE);

    assertThat(result.disagreement()).isZero();
    assertThat(result.confidence()).isEqualTo(0.85);
  }

  @Test
  void should_let_a_judge_decide_between_different_answers() {
    answer("sim-a", "LOW", 0.6);
    answer("sim-b", "HIGH", 0.6);

    EnsembleResult result =
        ensemble.apply(
            new EnsembleRequest(TEXT, "document-risk", null, List.of("a", "b"), "judge", "local"),
            TaskContext.NONE);

    assertThat(result.intent()).isEqualTo("HIGH");
    assertThat(result.disagreement()).isEqualTo(0.5);
    assertThat(result.rationale()).contains("judge 'local' chose HIGH");
  }

  @Test
  void should_count_a_member_that_fails_and_go_on_with_the_others() {
    simulator.when(Match.anyRequest()).forModel("sim-a").failWith(500);
    answer("sim-b", "HIGH", 0.8);

    EnsembleResult result =
        ensemble.apply(
            new EnsembleRequest(TEXT, "document-risk", null, List.of("a", "b"), "vote", null),
            TaskContext.NONE);

    assertThat(result.intent()).isEqualTo("HIGH");
    assertThat(result.votes().get(0).failure()).contains("model 'a' is unavailable");
    assertThat(result.disagreement()).as("a lone answer is no consensus").isEqualTo(0.5);
    assertThat(result.confidence()).isEqualTo(0.4);
  }

  @Test
  void should_fail_when_no_member_answers() {
    simulator.when(Match.anyRequest()).failWith(500);

    assertThatThrownBy(
            () ->
                ensemble.apply(
                    new EnsembleRequest(
                        TEXT, "document-risk", null, List.of("a", "b"), "vote", null),
                    TaskContext.NONE))
        .isInstanceOf(ModelUnavailableException.class)
        .hasMessageContaining("no model of the ensemble answered");
  }
}
