package io.baton.connectors.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a structured output was taken from, to check that its values are really in it: an
 * invented amount or vendor passes a JSON schema, not this. Text is compared ignoring case and
 * spacing; numbers by value, in either convention ({@code 1,234.50} and {@code 1.234,50} are both
 * 1234.5).
 */
final class SourceText {

  private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d.,' ]*\\d)?");

  private final String words;
  private final Set<BigDecimal> numbers = new HashSet<>();

  SourceText(String text) {
    this.words = normalize(text);
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      addNumber(matcher.group());
      for (String part : matcher.group().split(" ")) {
        addNumber(part);
      }
    }
  }

  /** Whether the value, or every value inside it, is in the text; true for booleans and null. */
  boolean contains(JsonNode value) {
    if (value.isNumber()) {
      return hasNumber(value.decimalValue());
    }
    if (value.isTextual()) {
      String text = normalize(value.asText());
      return text.isEmpty() || words.contains(text) || isNumberInText(value.asText());
    }
    if (value.isContainerNode()) {
      for (JsonNode child : value) {
        if (!contains(child)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean isNumberInText(String text) {
    Set<BigDecimal> values = new HashSet<>();
    readings(text.strip(), values);
    return !values.isEmpty() && values.stream().anyMatch(this::hasNumber);
  }

  private boolean hasNumber(BigDecimal value) {
    return numbers.stream().anyMatch(n -> n.compareTo(value) == 0);
  }

  private void addNumber(String token) {
    readings(token.strip(), numbers);
  }

  /** The values a number written either way may have: {@code 1.234} is 1.234 or 1234. */
  private static void readings(String token, Set<BigDecimal> into) {
    String digits = token.replace("'", "").replace(" ", "");
    if (digits.isEmpty() || !digits.matches("[\\d.,]+")) {
      return;
    }
    parse(digits.replace(",", ""), into);
    parse(digits.replace(".", "").replace(',', '.'), into);
  }

  private static void parse(String number, Set<BigDecimal> into) {
    try {
      into.add(new BigDecimal(number));
    } catch (NumberFormatException notANumber) {
      // a reading with two decimal points is no reading
    }
  }

  private static String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
