package io.baton.requests;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a customer request: {@code POST /api/customer-requests {message, customerId, amount?}}.
 */
@RestController
@RequestMapping("/api/customer-requests")
class CustomerRequestController {

  static final String PROCESS_KEY = "customer-request";

  private final RuntimeService runtime;

  CustomerRequestController(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @PostMapping
  ResponseEntity<StartedRequest> start(@RequestBody CustomerRequest request) {
    List<String> problems =
        CustomerRequestRules.problems(request.message(), request.customerId(), request.amount());
    if (!problems.isEmpty()) {
      throw new InvalidCustomerRequestException(problems);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("message", request.message());
    variables.put("customerId", request.customerId());
    if (request.amount() != null) {
      variables.put("amount", request.amount());
    }
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, variables);
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId()))
        .body(new StartedRequest(instance.getId(), instance.isEnded()));
  }

  @ExceptionHandler(InvalidCustomerRequestException.class)
  ProblemDetail invalid(InvalidCustomerRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid customer request");
    problem.setProperty("problems", e.problems());
    return problem;
  }

  record CustomerRequest(String message, String customerId, Double amount) {}

  record StartedRequest(String processInstanceId, boolean ended) {}
}
