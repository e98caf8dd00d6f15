package io.baton.review;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A reviewed field's value as the review form shows it (text) and back: compared the way the
 * reviewer reads it (a number by its value, text without line breaks or surrounding blanks), and
 * turned back into the type the AI's value had, so a number stays a number.
 */
final class FieldValues {

  private static final Set<String> WHOLE = Set.of("Integer", "Long", "Short", "BigInteger");
  private static final Set<String> NUMBERS =
      Set.of("Integer", "Long", "Short", "BigInteger", "Double", "Float", "BigDecimal");

  private FieldValues() {}

  /** The type a field's value keeps: the Java type of the AI's value; null when it gave none. */
  static String type(Object value) {
    return value == null ? null : value.getClass().getSimpleName();
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    if ((value instanceof Double || value instanceof Float)
        && Double.isFinite(((Number) value).doubleValue())) {
      return BigDecimal.valueOf(((Number) value).doubleValue())
          .stripTrailingZeros()
          .toPlainString();
    }
    return String.valueOf(value);
  }

  /** Whether two values read the same for a field of this type. */
  static boolean same(String type, Object a, Object b) {
    String x = normalized(a);
    String y = normalized(b);
    if (x.equals(y)) {
      return true;
    }
    if (isNumber(type)) {
      try {
        return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }

  /** The reviewer's value in the type the AI's value had; refuses a value that does not fit. */
  static Object coerce(String field, String type, Object value) {
    String text = normalized(value);
    if (type == null && value != null && !(value instanceof String)) {
      return value; // no AI value to take the type from: a typed value set directly stays as it is
    }
    if (type == null || type.equals("String")) {
      return text.isEmpty() ? null : text;
    }
    if (isNumber(type)) {
      return number(field, type, text);
    }
    if (type.equals("Boolean") && (text.equals("true") || text.equals("false"))) {
      return Boolean.valueOf(text);
    }
    if (type.equals("Boolean")) {
      throw new InvalidReviewException(
          "'%s' must be true or false, not '%s'".formatted(field, text));
    }
    throw new InvalidReviewException(
        "'%s' holds a %s, which the review form cannot change".formatted(field, type));
  }

  private static Object number(String field, String type, String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidReviewException(
          "'%s' must be a number such as 1250.50, not '%s'".formatted(field, text));
    }
    if (type.equals("BigDecimal")) {
      return number;
    }
    if (WHOLE.contains(type) && isLong(number)) {
      long whole = number.longValue();
      if (type.equals("Long") || whole != (int) whole) {
        return whole;
      }
      return (int) whole;
    }
    double decimal = number.doubleValue();
    if (!Double.isFinite(decimal)) {
      throw new InvalidReviewException("'%s' is too large: '%s'".formatted(field, text));
    }
    return decimal;
  }

  private static boolean isLong(BigDecimal number) {
    try {
      number.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static boolean isNumber(String type) {
    return type != null && NUMBERS.contains(type);
  }

  /** As a single-line form field holds it: line breaks and tabs read as spaces, trimmed. */
  private static String normalized(Object value) {
    return text(value).replaceAll("[\\r\\n\\t]", " ").strip();
  }
}
