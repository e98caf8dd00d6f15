package io.baton.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the Camunda webapps (Cockpit, Tasklist, Admin, Welcome) in the request's
 * session, so Baton's own pages can use that login instead of asking for a second one.
 */
public final class WebappSessions {

  private WebappSessions() {}

  /** The user logged in to this engine in the request's existing session; empty without one. */
  public static Optional<String> user(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication login =
        AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engineName);
    return login instanceof UserAuthentication user && user.getIdentityId() != null
        ? Optional.of(user.getIdentityId())
        : Optional.empty();
  }
}
