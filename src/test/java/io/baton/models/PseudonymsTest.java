package io.baton.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PseudonymsTest {

  private static final String TEXT =
      "Pay to DE89 3704 0044 0532 0130 00, questions to jane.doe@example.com or"
          + " anna@example.org; again: jane.doe@example.com";

  @Test
  void should_hide_each_value_behind_one_placeholder_and_restore_it() {
    Pseudonyms pseudonyms = new Pseudonyms();

    String hidden = pseudonyms.hide(TEXT);

    assertThat(hidden)
        .isEqualTo("Pay to [IBAN_1], questions to [EMAIL_1] or [EMAIL_2]; again: [EMAIL_1]")
        .doesNotContain("jane.doe", "3704");
    assertThat(pseudonyms.size()).isEqualTo(3);
    assertThat(pseudonyms.restore("{\"iban\": \"[IBAN_1]\", \"contact\": \"[EMAIL_2]\"}"))
        .isEqualTo(
            "{\"iban\": \"DE89 3704 0044 0532 0130 00\", \"contact\": \"anna@example.org\"}");
  }

  @Test
  void should_restore_only_the_placeholders_it_handed_out() {
    Pseudonyms pseudonyms = new Pseudonyms();
    pseudonyms.hide("write to jane.doe@example.com");

    assertThat(pseudonyms.restore("[EMAIL_1], [EMAIL_7], [PHONE_1]"))
        .isEqualTo("jane.doe@example.com, [EMAIL_7], [PHONE_1]");
    assertThat(new Pseudonyms().restore("[EMAIL_1]")).isEqualTo("[EMAIL_1]");
  }

  @Test
  void should_leave_text_without_personal_data_alone() {
    Pseudonyms pseudonyms = new Pseudonyms();

    assertThat(pseudonyms.hide("Where is my parcel?")).isEqualTo("Where is my parcel?");
    assertThat(pseudonyms.hide(null)).isNull();
    assertThat(pseudonyms.size()).isZero();
  }
}
