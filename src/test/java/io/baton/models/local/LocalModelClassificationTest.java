package io.baton.models.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.connectors.labels.LabelSet;
import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.CallSite;
import io.baton.models.Classification;
import io.baton.models.Draft;
import io.baton.models.LearnedExamples.LearnedExample;
import io.baton.models.ModelTask;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real all-MiniLM-L6-v2 model with the shipped customer-intents label set, on phrases that are
 * not among its examples.
 */
class LocalModelClassificationTest {

  private static LocalModel model;
  private static LabelSet intents;

  @BeforeAll
  static void loadModel() {
    model = new LocalModel("local", new LocalEmbeddings());
    intents =
        new LabelSetCatalog("classpath*:processes/label-sets/*.json", new ObjectMapper())
            .get("customer-intents");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "My parcel is late, when does it arrive?                         | ORDER_STATUS",
        "I cannot sign in, I think I forgot my login details             | PASSWORD_RESET",
        "You took the payment from my card two times, I want it returned | REFUND_REQUEST",
        "My solicitor will be in touch with you                           | LEGAL",
        "We relocated, please send future orders to our new home          | ADDRESS_CHANGE",
        "The blender stopped working after two days, very disappointed    | COMPLAINT"
      })
  void should_classify_held_out_phrases(String message, String expectedIntent) {
    assertThat(intents.labels().stream().flatMap(l -> l.examples().stream()))
        .as("held-out phrase must not be a training example")
        .doesNotContain(message);

    Classification classification = model.classify(message, intents.examples());

    assertThat(classification.label()).isEqualTo(expectedIntent);
    assertThat(classification.confidence()).isBetween(0.0, 1.0);
    assertThat(classification.nearest()).hasSize(3);
    assertThat(classification.nearest().get(0).label()).isEqualTo(expectedIntent);
  }

  @Test
  void should_be_less_sure_about_a_message_that_fits_no_intent_than_about_a_clear_one() {
    double clear =
        model.classify("Where is my order? It has not arrived", intents.examples()).confidence();
    double unclear = model.classify("The weather is nice today", intents.examples()).confidence();

    assertThat(unclear).isLessThan(clear);
  }

  @Test
  void should_choose_the_closest_reply_template_and_say_it_did_not_generate_it() {
    List<String> templates = List.of("Your refund is on its way.", "Your parcel ships tomorrow.");

    Draft draft = model.draft("When will my parcel be shipped?", templates);

    assertThat(draft.text()).isEqualTo("Your parcel ships tomorrow.");
    assertThat(draft.generated()).isFalse();
    assertThat(model.generative()).isFalse();
  }

  @Test
  void should_classify_with_what_reviewers_taught_the_label_set() {
    String next = "Selling a fan that rattles and sparks like this cannot be legal, I am unhappy.";
    List<LearnedExample> taught =
        List.of(
            new LearnedExample(
                41, "COMPLAINT", "It is illegal to sell a heater that overheats like this one."),
            new LearnedExample(
                42, "COMPLAINT", "Selling a toaster with exposed wires should be against the law."),
            new LearnedExample(43, "NOT_A_LABEL_ANY_MORE", "ignored: the label set lost it"));
    LocalModel learning = new LocalModel("local", new LocalEmbeddings(), set -> taught);

    assertThat(classify(model, next, "customer-intents").label()).isEqualTo("LEGAL");
    Classification learned = classify(learning, next, "customer-intents");
    assertThat(learned.label()).isEqualTo("COMPLAINT");
    assertThat(learned.nearest().get(0).text())
        .as("shown by its key: its text is another case's message")
        .startsWith("learned example #4");
    assertThat(classify(learning, next, null).label())
        .as("labels a task names itself have no learned examples")
        .isEqualTo("LEGAL");
  }

  private static Classification classify(LocalModel model, String text, String labelSet) {
    return model.classify(
        new ModelTask.Classify(text, intents.examples(), labelSet, "", CallSite.NONE));
  }
}
