package io.baton.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataRedactionTest {

  @Test
  void should_replace_personal_data_by_its_kind_and_keep_the_rest() {
    String message =
        "baton.notify failed: cannot reach jane.doe@example.com, IBAN DE89 3704 0044 0532 0130 00";

    assertThat(PersonalData.redact(message))
        .isEqualTo("baton.notify failed: cannot reach [EMAIL], IBAN [IBAN]")
        .doesNotContain("jane.doe");
  }

  @Test
  void should_leave_a_message_without_personal_data_as_it_is() {
    assertThat(PersonalData.redact("model 'smart' is unavailable: timeout"))
        .isEqualTo("model 'smart' is unavailable: timeout");
    assertThat(PersonalData.redact(null)).isNull();
  }
}
