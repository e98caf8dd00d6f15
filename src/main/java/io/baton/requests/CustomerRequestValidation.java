package io.baton.requests;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code customer-request}: refuses an invalid request inside the start
 * transaction, so however the process is started, no half-created instance remains.
 */
@Component("customerRequestValidation")
public class CustomerRequestValidation implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems =
        CustomerRequestRules.problems(
            execution.getVariable("message"),
            execution.getVariable("customerId"),
            execution.getVariable("amount"));
    if (!problems.isEmpty()) {
      throw new InvalidCustomerRequestException(problems);
    }
  }
}
