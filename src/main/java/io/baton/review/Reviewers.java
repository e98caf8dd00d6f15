package io.baton.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is completing a review: the authenticated user, else the task's assignee. */
@Component
public class Reviewers {

  private final IdentityService identity;

  public Reviewers(IdentityService identity) {
    this.identity = identity;
  }

  public String current(DelegateTask task) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }
}
