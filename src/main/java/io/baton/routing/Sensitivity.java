package io.baton.routing;

import java.util.List;
import java.util.regex.Pattern;

/** Whether a text holds personal data that a person should see before anything acts on it. */
public final class Sensitivity {

  public static final String PERSONAL = "PERSONAL";
  public static final String NORMAL = "NORMAL";

  private static final List<Pattern> PERSONAL_DATA =
      List.of(
          Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+"), // e-mail address
          Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){3,7}\\b"), // IBAN
          Pattern.compile("\\b(?:\\d[ -]?){13,19}\\b"), // payment card number
          Pattern.compile("\\+?\\d[\\d /-]{8,}\\d")); // phone number

  private Sensitivity() {}

  public static String of(String text) {
    if (text == null) {
      return NORMAL;
    }
    return PERSONAL_DATA.stream().anyMatch(p -> p.matcher(text).find()) ? PERSONAL : NORMAL;
  }
}
