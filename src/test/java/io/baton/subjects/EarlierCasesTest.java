package io.baton.subjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.subjects.SubjectCase.ReviewedAs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new case is told about its subject's earlier cases: decisions, not words or names. */
class EarlierCasesTest {

  private static final Subject CUSTOMER = new Subject("customerId", "C-7");
  private static final Instant MONDAY = Instant.parse("2026-11-30T09:15:00Z");

  @Test
  void should_tell_the_model_what_was_decided_without_naming_the_reviewer() {
    SubjectCase corrected =
        new SubjectCase(
            "pi-2",
            "customer-request",
            MONDAY.plusSeconds(3600),
            null,
            "COMPLAINT",
            true,
            null,
            "REQUIRE_APPROVAL",
            "High-risk intent",
            new ReviewedAs("CHANGE_LABEL", "REFUND_REQUEST", "COMPLAINT", "rita", MONDAY),
            new ReviewedAs("CHANGE_LABEL", "REFUND_REQUEST", "COMPLAINT", "rita", MONDAY),
            List.of("FIRST", "SECOND"));
    SubjectCase answered =
        new SubjectCase(
            "pi-1",
            "customer-request",
            MONDAY,
            MONDAY.plusSeconds(60),
            "ORDER_STATUS",
            false,
            "Request answered",
            "AUTO_EXECUTE",
            "Low risk",
            null,
            null,
            List.of());

    String text = EarlierCases.text(CUSTOMER, List.of(corrected, answered));

    assertThat(text)
        .isEqualTo(
            "Earlier cases of the same customerId, newest first:\n"
                + "- 2026-11-30 10:15 UTC: COMPLAINT (a reviewer corrected the AI's REFUND_REQUEST),"
                + " open, waiting for approval FIRST and SECOND, routed REQUIRE_APPROVAL,"
                + " reviewer corrected the label to COMPLAINT\n"
                + "- 2026-11-30 09:15 UTC: ORDER_STATUS, closed (Request answered),"
                + " routed AUTO_EXECUTE")
        .doesNotContain("rita");
    assertThat(EarlierCases.rows(List.of(corrected)))
        .singleElement()
        .satisfies(row -> assertThat(row.get("decision")).contains("rita"));
  }

  @Test
  void should_tell_nothing_when_there_is_no_earlier_case() {
    assertThat(EarlierCases.text(CUSTOMER, List.of())).isEmpty();
    assertThat(EarlierCases.rows(List.of())).isEmpty();
  }

  @Test
  void should_refuse_a_subject_that_is_not_a_variable_and_an_id() {
    assertThatThrownBy(() -> new Subject("customer-id", "C-1"))
        .hasMessageContaining("a subject key is a variable name");
    assertThatThrownBy(() -> new Subject("customerId", " "))
        .hasMessageContaining("needs an id of 1 to 255 characters");
    assertThatThrownBy(() -> new Subject("customerId", "x".repeat(256)))
        .hasMessageContaining("needs an id of 1 to 255 characters");
  }
}
