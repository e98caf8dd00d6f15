package io.baton.connectors.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.TaskContext;
import io.baton.connectors.knowledge.KnowledgeBaseCatalog;
import io.baton.connectors.retrieve.RetrieveResult.ScoredPassage;
import io.baton.models.local.LocalEmbeddings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real all-MiniLM-L6-v2 model on the shipped claims-policy knowledge base. */
class RetrieveFunctionTest {

  private static final String POLICY = "claims-policy";

  private static RetrieveFunction retrieve;
  private static ValidatorFactory validation;

  @BeforeAll
  static void load() {
    retrieve =
        new RetrieveFunction(
            new KnowledgeBaseCatalog("classpath*:processes/knowledge/**/*"), new LocalEmbeddings());
    validation = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void close() {
    validation.close();
  }

  @Test
  void should_find_the_approval_limit_for_an_invoice_above_it() {
    RetrieveResult result =
        retrieve.apply(
            new RetrieveRequest(
                "An invoice of 14,500 EUR is above the approval limit. Who has to approve it?",
                POLICY,
                null,
                null),
            TaskContext.NONE);

    ScoredPassage top = result.passages().get(0);
    assertThat(top.sourceId()).isEqualTo("invoice-approval.md#2");
    assertThat(top.title()).isEqualTo("Invoice approval > Approval limits");
    assertThat(top.text()).contains("above 10,000 EUR", "second approval");
    assertThat(result.topScore()).isEqualTo(top.score());
    assertThat(result.sources())
        .isEqualTo(result.passages().stream().map(ScoredPassage::sourceId).toList());
    assertThat(result.passages()).hasSize(3);
  }

  @Test
  void should_find_the_evidence_a_water_damage_claim_needs() {
    RetrieveResult result =
        retrieve.apply(
            new RetrieveRequest(
                "A burst pipe flooded the customer's kitchen. What do we need for the claim?",
                POLICY,
                1,
                null),
            TaskContext.NONE);

    assertThat(result.sources()).containsExactly("claims-handling.md#1");
    assertThat(result.passages().get(0).title()).isEqualTo("Claims handling > Evidence");
  }

  @Test
  void should_return_at_most_top_k_passages_all_at_or_above_min_score() {
    String query = "duplicate invoice with the same invoice number";
    List<ScoredPassage> all =
        retrieve.apply(new RetrieveRequest(query, POLICY, 20, 0.0), TaskContext.NONE).passages();
    assertThat(all).hasSize(17).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));

    RetrieveResult two =
        retrieve.apply(new RetrieveRequest(query, POLICY, 2, 0.0), TaskContext.NONE);
    assertThat(two.passages()).containsExactlyElementsOf(all.subList(0, 2));

    double minScore = 0.4;
    RetrieveResult aboveMin =
        retrieve.apply(new RetrieveRequest(query, POLICY, 20, minScore), TaskContext.NONE);
    long expected = all.stream().filter(p -> p.score() >= minScore).count();
    assertThat(expected).isBetween(1L, 16L);
    assertThat(aboveMin.passages())
        .hasSize((int) expected)
        .allSatisfy(p -> assertThat(p.score()).isGreaterThanOrEqualTo(minScore));
    assertThat(aboveMin.sources()).first().isEqualTo("payments.md#3");
  }

  @Test
  void should_name_the_known_knowledge_bases_when_the_one_asked_for_is_unknown() {
    assertThatThrownBy(
            () ->
                retrieve.apply(
                    new RetrieveRequest("travel expenses", "hr-handbook", null, null),
                    TaskContext.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no knowledge base 'hr-handbook': the known knowledge bases are [claims-policy, customer-service, supplier-contracts]");
  }

  @Test
  void should_raise_no_relevant_sources_when_no_passage_reaches_min_score() {
    assertThatThrownBy(
            () ->
                retrieve.apply(
                    new RetrieveRequest(
                        "Will it rain during the football match tomorrow evening?",
                        POLICY,
                        null,
                        0.5),
                    TaskContext.NONE))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> {
              assertThat(e.code()).isEqualTo(RetrieveFunction.NO_RELEVANT_SOURCES);
              assertThat(e.getMessage())
                  .startsWith(
                      "no passage of knowledge base 'claims-policy' reaches the minimum score 0.50");
            });
  }

  @Test
  void should_reject_a_blank_query_and_a_top_k_out_of_range_naming_the_fields() {
    Validator validator = validation.getValidator();

    assertThat(fields(validator.validate(new RetrieveRequest(" ", POLICY, null, null))))
        .containsExactly("query");
    assertThat(fields(validator.validate(new RetrieveRequest("limits", POLICY, 21, 1.5))))
        .containsExactlyInAnyOrder("topK", "minScore");
    assertThat(validator.validate(new RetrieveRequest("limits", POLICY, null, null))).isEmpty();
  }

  private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
  }
}
