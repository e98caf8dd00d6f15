package io.baton.dashboard;

import java.math.BigDecimal;

/** Amounts as people read them: no trailing zeros of the column's scale, no exponent. */
final class Money {

  private Money() {}

  static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
