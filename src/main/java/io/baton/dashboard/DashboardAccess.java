package io.baton.dashboard;

import io.baton.identity.BatonGroups;
import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/** Who may see the dashboard: operators, admins, supervisors and auditors. */
final class DashboardAccess {

  static final Set<String> GROUPS =
      Set.of(
          BatonGroups.OPERATORS,
          Groups.CAMUNDA_ADMIN,
          BatonGroups.SUPERVISORS,
          BatonGroups.AUDITORS);

  static final String WHAT = "see the dashboard";

  private DashboardAccess() {}

  static boolean allows(Collection<String> groups) {
    return groups != null && groups.stream().anyMatch(GROUPS::contains);
  }
}
