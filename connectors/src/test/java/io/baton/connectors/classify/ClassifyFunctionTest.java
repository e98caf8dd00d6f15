package io.baton.connectors.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.TaskContext;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.ModelSettings;
import io.baton.models.TestModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifyFunctionTest {

  private final TestModels models = new TestModels();
  private final ClassifyFunction classify =
      new ClassifyFunction(
          models.registry(Map.of("local", ModelSettings.of("local"))),
          new LabelSetCatalog("classpath*:processes/label-sets/*.json", new ObjectMapper()));

  @Test
  void should_choose_among_labels_the_task_names_itself() {
    ClassifyResult result =
        classify.apply(
            new ClassifyRequest(
                "Where is my parcel, it has not arrived",
                null,
                List.of("delivery", "refund"),
                null,
                null),
            new TaskContext("pi-1", "classify", "ai-1", "t-1", null));

    assertThat(result.intent()).isEqualTo("delivery");
    assertThat(result.taskType()).isEqualTo("labels");
    assertThat(result.aiModel()).isEqualTo("local");
    assertThat(models.calls)
        .singleElement()
        .satisfies(c -> assertThat(c.processInstanceId()).isEqualTo("pi-1"));
  }

  @Test
  void should_raise_low_confidence_below_the_minimum_the_task_sets() {
    ClassifyRequest unclear =
        new ClassifyRequest("The weather is nice today", "customer-intents", null, null, 0.99);

    assertThatThrownBy(() -> classify.apply(unclear, TaskContext.NONE))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> assertThat(e.code()).isEqualTo(ClassifyFunction.LOW_CONFIDENCE))
        .hasMessageContaining("below the minimum 0.99");
  }
}
