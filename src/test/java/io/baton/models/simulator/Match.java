package io.baton.models.simulator;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Which requests a rule answers, judged on the content of the last user message. */
public final class Match {

  private final String description;
  private final Predicate<String> lastUserMessage;

  private Match(String description, Predicate<String> lastUserMessage) {
    this.description = description;
    this.lastUserMessage = lastUserMessage;
  }

  public static Match userContains(String text) {
    return new Match("user message contains '" + text + "'", m -> m.contains(text));
  }

  /** The regular expression needs to match part of the message, not all of it. */
  public static Match userMatches(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return new Match("user message matches /" + regex + "/", m -> pattern.matcher(m).find());
  }

  public static Match anyRequest() {
    return new Match("any request", m -> true);
  }

  boolean matches(RecordedRequest request) {
    return lastUserMessage.test(request.lastUserMessage());
  }

  @Override
  public String toString() {
    return description;
  }
}
