package io.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensitivityTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Where is my order?                                   | NORMAL",
        "Write to me at jane.doe@example.com please            | PERSONAL",
        "My IBAN is DE89 3704 0044 0532 0130 00                | PERSONAL",
        "Card 4111 1111 1111 1111 was charged twice            | PERSONAL",
        "Call me on +49 170 1234567                            | PERSONAL",
        "Order 7781 arrived broken                             | NORMAL"
      })
  void should_flag_personal_data(String text, String expected) {
    assertThat(Sensitivity.of(text)).isEqualTo(expected);
  }
}
