package io.baton.models;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text: e-mail addresses, IBANs (with their check digits), payment card
 * numbers (with the Luhn check) and phone numbers. Routing uses it to keep personal data in front
 * of a person, and the validator to reject an output that carries it.
 */
public final class PersonalData {

  /** A kind of personal data, with the words a reviewer reads. */
  public enum Kind {
    EMAIL("e-mail address"),
    IBAN("IBAN"),
    PAYMENT_CARD("payment card number"),
    PHONE("phone number");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** Where in the text a piece of personal data is: {@code text.substring(start, end)}. */
  public record Finding(Kind kind, int start, int end) {}

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
  private static final Pattern CARD = Pattern.compile("(?<![\\w.,])(?:\\d[ -]?){12,18}\\d(?!\\d)");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w/.,-])\\+?\\(?\\d(?:[ ()/-]{0,2}\\d){7,16}(?![\\w])");
  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

  private PersonalData() {}

  public static boolean contains(String text) {
    return !find(text).isEmpty();
  }

  /** The personal data in a text, in the order it appears; empty for {@code null}. */
  public static List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return found;
    }
    collect(text, EMAIL, Kind.EMAIL, found);
    collect(text, IBAN, Kind.IBAN, found);
    collect(text, CARD, Kind.PAYMENT_CARD, found);
    collect(text, PHONE, Kind.PHONE, found);
    found.sort(Comparator.comparingInt(Finding::start));
    return found;
  }

  /**
   * The text with each piece of personal data replaced by its kind, e.g. {@code [EMAIL]}: for
   * messages that operators read, such as incidents.
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder redacted = new StringBuilder();
    int from = 0;
    for (Finding finding : find(text)) {
      redacted.append(text, from, finding.start()).append('[').append(finding.kind()).append(']');
      from = finding.end();
    }
    return redacted.append(text.substring(from)).toString();
  }

  private static void collect(String text, Pattern pattern, Kind kind, List<Finding> found) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      int start = matcher.start();
      int end = matcher.end();
      boolean overlaps = found.stream().anyMatch(f -> start < f.end() && f.start() < end);
      if (!overlaps && accepts(kind, matcher.group())) {
        found.add(new Finding(kind, start, end));
      }
    }
  }

  private static boolean accepts(Kind kind, String candidate) {
    return switch (kind) {
      case EMAIL -> true;
      case IBAN -> validIban(candidate.replace(" ", ""));
      case PAYMENT_CARD -> luhn(digits(candidate));
      case PHONE -> phone(candidate);
    };
  }

  /** 9 to 15 digits, written like a phone number rather than like a date or a plain count. */
  private static boolean phone(String candidate) {
    String digits = digits(candidate);
    boolean dialled = candidate.startsWith("+") || candidate.startsWith("0");
    boolean grouped = digits.length() != candidate.length();
    return digits.length() >= 9
        && digits.length() <= 15
        && (dialled || grouped)
        && !ISO_DATE.matcher(candidate).find();
  }

  static boolean luhn(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  static boolean validIban(String iban) {
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    StringBuilder number = new StringBuilder();
    for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
      number.append(Character.getNumericValue(c));
    }
    return new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  private static String digits(String text) {
    return text.replaceAll("\\D", "");
  }
}
