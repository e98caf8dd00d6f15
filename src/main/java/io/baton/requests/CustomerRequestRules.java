package io.baton.requests;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer request must carry. The start API, the start form and the engine (for every other
 * way in) all apply these same rules.
 */
public final class CustomerRequestRules {

  public static final int MAX_MESSAGE_LENGTH = 4_000;
  public static final int MAX_CUSTOMER_ID_LENGTH = 64;

  private CustomerRequestRules() {}

  /** The problems with a request, empty when it is valid. */
  public static List<String> problems(Object message, Object customerId, Object amount) {
    List<String> problems = new ArrayList<>();
    if (!(message instanceof String text) || text.isBlank()) {
      problems.add("message is required and must not be empty");
    } else if (text.length() > MAX_MESSAGE_LENGTH) {
      problems.add(
          "message has %d characters; the limit is %d"
              .formatted(text.length(), MAX_MESSAGE_LENGTH));
    }
    if (!(customerId instanceof String id) || id.isBlank()) {
      problems.add("customerId is required");
    } else if (id.length() > MAX_CUSTOMER_ID_LENGTH) {
      problems.add(
          "customerId has %d characters; the limit is %d"
              .formatted(id.length(), MAX_CUSTOMER_ID_LENGTH));
    }
    if (amount != null && !(amount instanceof Number number && number.doubleValue() >= 0)) {
      problems.add("amount must be a number of at least 0, not " + amount);
    }
    return problems;
  }
}
