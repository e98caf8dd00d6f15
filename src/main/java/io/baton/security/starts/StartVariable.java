package io.baton.security.starts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One variable a process may be started with, its type and its limits. Text has a maximum length
 * and optionally a pattern it must match in full (with what the pattern means, for the refusal); a
 * number must be finite and within its range.
 */
public record StartVariable(
    String name,
    Kind kind,
    boolean mandatory,
    int maxLength,
    Pattern pattern,
    String patternMeaning,
    double min,
    double max) {

  public enum Kind {
    TEXT,
    NUMBER,
    BOOLEAN
  }

  public static StartVariable text(String name, int maxLength) {
    return new StartVariable(name, Kind.TEXT, false, maxLength, null, null, 0, 0);
  }

  public static StartVariable number(String name, double min, double max) {
    return new StartVariable(name, Kind.NUMBER, false, 0, null, null, min, max);
  }

  public static StartVariable bool(String name) {
    return new StartVariable(name, Kind.BOOLEAN, false, 0, null, null, 0, 0);
  }

  public StartVariable required() {
    return new StartVariable(name, kind, true, maxLength, pattern, patternMeaning, min, max);
  }

  /**
   * Text must match the pattern in full, for example an identifier without markup; {@code meaning}
   * completes the refusal "customerId may only contain ...", e.g. "letters, digits, '.', '_' and
   * '-'".
   */
  public StartVariable matching(String regex, String meaning) {
    return new StartVariable(
        name, kind, mandatory, maxLength, Pattern.compile(regex), meaning, min, max);
  }

  /** What is wrong with a value of this variable, if anything. */
  public Optional<String> problem(Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      return mandatory
          ? Optional.of(name + " is required and must not be empty")
          : Optional.empty();
    }
    return switch (kind) {
      case TEXT -> textProblem(value);
      case NUMBER -> numberProblem(value);
      case BOOLEAN ->
          value instanceof Boolean
              ? Optional.empty()
              : Optional.of("%s must be true or false, not %s".formatted(name, describe(value)));
    };
  }

  private Optional<String> textProblem(Object value) {
    if (!(value instanceof String text)) {
      return Optional.of("%s must be text, not %s".formatted(name, describe(value)));
    }
    if (text.length() > maxLength) {
      return Optional.of(
          "%s has %d characters; the limit is %d".formatted(name, text.length(), maxLength));
    }
    if (pattern != null && !pattern.matcher(text).matches()) {
      return Optional.of(
          "%s may only contain %s (pattern %s)".formatted(name, patternMeaning, pattern.pattern()));
    }
    return Optional.empty();
  }

  private Optional<String> numberProblem(Object value) {
    if (!(value instanceof Number number)) {
      return Optional.of("%s must be a number, not %s".formatted(name, describe(value)));
    }
    double amount = number.doubleValue();
    if (!Double.isFinite(amount) || amount < min || amount > max) {
      return Optional.of(
          "%s must be a finite number from %s to %s, not %s"
              .formatted(name, plain(min), plain(max), value));
    }
    return Optional.empty();
  }

  private static String describe(Object value) {
    return value instanceof String ? "text" : value.getClass().getSimpleName() + " " + value;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
