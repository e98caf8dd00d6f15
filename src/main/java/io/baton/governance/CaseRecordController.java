package io.baton.governance;

import io.baton.governance.CaseApprovals.Approval;
import io.baton.governance.CaseApprovals.CaseRouting;
import io.baton.identity.BatonGroups;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{processInstanceId}/governance}: every routing of a case and every approval
 * and withdrawal, oldest first, as Baton recorded them; for auditors, supervisors and admins.
 */
@RestController
@RequestMapping("/api/cases")
class CaseRecordController {

  private static final Set<String> READERS =
      Set.of(BatonGroups.AUDITORS, BatonGroups.SUPERVISORS, "camunda-admin");

  private final CaseApprovals approvals;
  private final IdentityService identity;

  CaseRecordController(CaseApprovals approvals, IdentityService identity) {
    this.approvals = approvals;
    this.identity = identity;
  }

  /** A case's governance record. */
  record CaseRecord(
      String processInstanceId, List<CaseRouting> routings, List<Approval> approvals) {}

  @GetMapping("/{processInstanceId}/governance")
  CaseRecord record(@PathVariable String processInstanceId) {
    BatonGroups.require(identity, READERS, "read a case's routings and approvals");
    return new CaseRecord(
        processInstanceId,
        approvals.routings(processInstanceId),
        approvals.approvals(processInstanceId));
  }
}
