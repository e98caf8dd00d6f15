package io.baton.requests;

import io.baton.security.starts.StartRules;
import io.baton.security.starts.StartVariable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a customer request must carry. The start API, the start form and the engine (for every other
 * way in, as a built-in start listener) all apply these same rules: a message of at most {@value
 * #MAX_MESSAGE_LENGTH} characters, a customer id of letters, digits, '.', '_' and '-' (it is copied
 * into replies and forms, so no markup or control characters), an optional finite amount (a request
 * that names no amount has none at stake, 0) and an optional e-mail address the reply is sent to.
 */
@Component
public class CustomerRequestRules implements StartRules {

  public static final int MAX_MESSAGE_LENGTH = 4_000;
  public static final int MAX_CUSTOMER_ID_LENGTH = 64;
  public static final double MAX_AMOUNT = 1_000_000_000;
  public static final int MAX_EMAIL_LENGTH = 254;

  /** One address: a local part and a domain of letters, digits, '.' and '-', nothing else. */
  private static final String EMAIL = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+";

  private static final List<StartVariable> VARIABLES =
      List.of(
          StartVariable.text("message", MAX_MESSAGE_LENGTH).required(),
          StartVariable.text("customerId", MAX_CUSTOMER_ID_LENGTH)
              .required()
              .matching("[A-Za-z0-9][A-Za-z0-9._-]*", "letters, digits, '.', '_' and '-'"),
          StartVariable.number("amount", 0, MAX_AMOUNT),
          StartVariable.text("customerEmail", MAX_EMAIL_LENGTH)
              .matching(EMAIL, "one e-mail address such as anna@example.com"));

  @Override
  public String processKey() {
    return CustomerRequestController.PROCESS_KEY;
  }

  @Override
  public List<StartVariable> variables() {
    return VARIABLES;
  }

  @Override
  public Map<String, Object> defaults() {
    return Map.of("amount", 0.0);
  }
}
