package io.baton.documents;

import io.baton.governance.RoutingFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of {@code route-document}: records what the AI answered when the document was
 * routed, so a review cannot change it unnoticed.
 */
@Component("documentRoutingFacts")
public class DocumentRoutingFacts implements ExecutionListener {

  private final RoutingFacts facts;

  public DocumentRoutingFacts(RoutingFacts facts) {
    this.facts = facts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    facts.record(execution.getProcessInstanceId(), execution);
  }
}
