package io.baton.identity;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The groups Baton's processes and authorizations name. */
public final class BatonGroups {

  public static final String ANALYSTS = "analysts";
  public static final String REVIEWERS = "reviewers";
  public static final String SUPERVISORS = "supervisors";
  public static final String AUDITORS = "auditors";
  public static final String WORKERS = "workers";
  public static final String OPERATORS = "operators";

  /** Who may erase what Baton keeps about a subject ({@code POST /api/erasures}). */
  public static final String PRIVACY_OFFICERS = "privacy";

  /** Systems that send events ({@code POST /api/events}). */
  public static final String INTEGRATIONS = "integrations";

  /**
   * AI agents and other MCP clients that call processes as tools ({@code /mcp}); one word, as the
   * engine allows group ids of letters and digits only.
   */
  public static final String MCP_CLIENTS = "mcpclients";

  private BatonGroups() {}

  /**
   * For Baton's own REST endpoints: refuses with 403, naming the groups, when the authenticated
   * user is in none of them.
   */
  public static void require(IdentityService identity, Set<String> groups, String what) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null
        || current.getGroupIds() == null
        || current.getGroupIds().stream().noneMatch(groups::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only " + groups + " may " + what);
    }
  }
}
