package io.baton.models.simulator;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which requests a rule answers, judged on the content of the last user message, or for an agent's
 * conversation on its last message of any role (a tool's result, say).
 */
public final class Match {

  private final String description;
  private final Predicate<RecordedRequest> request;

  private Match(String description, Predicate<RecordedRequest> request) {
    this.description = description;
    this.request = request;
  }

  private static Match onUserMessage(String description, Predicate<String> lastUserMessage) {
    return new Match(description, r -> lastUserMessage.test(r.lastUserMessage()));
  }

  public static Match userContains(String text) {
    return onUserMessage("user message contains '" + text + "'", m -> m.contains(text));
  }

  /** The last message of the conversation, whatever its role, contains the text. */
  public static Match lastMessageContains(String text) {
    return new Match("last message contains '" + text + "'", r -> r.lastMessage().contains(text));
  }

  /** Both match. */
  public Match and(Match other) {
    return new Match(
        description + " and " + other.description, r -> matches(r) && other.matches(r));
  }

  /** The regular expression needs to match part of the message, not all of it. */
  public static Match userMatches(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return onUserMessage("user message matches /" + regex + "/", m -> pattern.matcher(m).find());
  }

  public static Match anyRequest() {
    return new Match("any request", r -> true);
  }

  boolean matches(RecordedRequest recorded) {
    return request.test(recorded);
  }

  @Override
  public String toString() {
    return description;
  }
}
