package io.baton.requests;

import io.baton.security.starts.InvalidStartException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The body is checked against {@link CustomerRequestRules} as it was sent, without coercion: a
 * number where text belongs, an infinite amount or an unknown field is refused with 400.
 */
@RestController
@RequestMapping("/api/customer-requests")
class CustomerRequestController {

  static final String PROCESS_KEY = "customer-request";

  private final RuntimeService runtime;
  private final CustomerRequestRules rules;

  CustomerRequestController(RuntimeService runtime, CustomerRequestRules rules) {
    this.runtime = runtime;
    this.rules = rules;
  }

  @PostMapping
  ResponseEntity<StartedRequest> start(@RequestBody Map<String, Object> request) {
    List<String> problems = rules.problems(request, null, Set.of());
    if (!problems.isEmpty()) {
      throw new InvalidStartException(PROCESS_KEY, problems);
    }
    Map<String, Object> variables = new HashMap<>(request);
    if (request.get("amount") instanceof Number amount) {
      variables.put("amount", amount.doubleValue());
    }
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, variables);
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId()))
        .body(new StartedRequest(instance.getId(), instance.isEnded()));
  }

  @ExceptionHandler(InvalidStartException.class)
  ProblemDetail invalid(InvalidStartException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid customer request");
    problem.setProperty("problems", e.problems());
    return problem;
  }

  record StartedRequest(String processInstanceId, boolean ended) {}
}
