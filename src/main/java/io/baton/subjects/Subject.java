package io.baton.subjects;

import java.util.regex.Pattern;

/**
 * Whom a case is about: the variable a process names in {@code baton.subject} ({@code key}, such as
 * {@code customerId}) and its value ({@code id}).
 */
public record Subject(String key, String id) {

  public static final int MAX_ID_LENGTH = 255;
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  public Subject {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "a subject key is a variable name (letters, digits and '_', at most 100), not '%s'"
              .formatted(key));
    }
    if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "subject '%s' needs an id of 1 to %d characters".formatted(key, MAX_ID_LENGTH));
    }
  }
}
