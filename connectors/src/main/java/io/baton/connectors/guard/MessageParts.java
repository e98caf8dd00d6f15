package io.baton.connectors.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a message into the parts a customer asks for separately: sentences, and clauses joined by
 * words such as "also", "but" or "by the way". An easy first question must not hide a second one.
 */
final class MessageParts {

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?;])(?<!P\\.S\\.)\\s+|\\R+|\\s+(?=(?:P\\.?S\\.?|PS)[:\\s])");

  private static final Pattern CLAUSE =
      Pattern.compile(
          "(?:^|,?\\s+)(?:and also|also|but|by the way|btw|otherwise|plus|and then|then)\\b,?\\s*"
              + "|,\\s+and\\s+|\\s+-{2,}\\s+|\\s+#{2,}\\s*",
          Pattern.CASE_INSENSITIVE);

  private MessageParts() {}

  /** The parts of a text, in order, blank ones left out; a text of one part gives that part. */
  static List<String> of(String text) {
    List<String> parts = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(text)) {
      for (String clause : CLAUSE.split(sentence)) {
        String part = clause.strip();
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
    }
    return parts;
  }

  static int words(String part) {
    String stripped = part.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }
}
