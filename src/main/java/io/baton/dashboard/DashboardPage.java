package io.baton.dashboard;

import io.baton.security.WebappSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /dashboard}: the page for a person logged in to the Camunda webapps (Cockpit, Tasklist or
 * the Welcome page) in this browser, if one of their groups may see it; otherwise a login form that
 * logs in to the webapps (401) or a page that says the dashboard is not for them (403). The page
 * reads its figures from {@code GET /api/dashboard}, which accepts the same login.
 */
@RestController
class DashboardPage {

  private final ProcessEngine engine;

  DashboardPage(ProcessEngine engine) {
    this.engine = engine;
  }

  @GetMapping({"/dashboard", "/dashboard/"})
  ResponseEntity<String> page(HttpServletRequest request) throws IOException {
    Optional<String> user = WebappSessions.user(request, engine.getName());
    if (user.isEmpty()) {
      return html(HttpStatus.UNAUTHORIZED, "login.html");
    }
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user.get()).list().stream()
            .map(Group::getId)
            .toList();
    return DashboardAccess.allows(groups)
        ? html(HttpStatus.OK, "index.html")
        : html(HttpStatus.FORBIDDEN, "forbidden.html");
  }

  private static ResponseEntity<String> html(HttpStatus status, String page) throws IOException {
    String body =
        new ClassPathResource("dashboard/" + page).getContentAsString(StandardCharsets.UTF_8);
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(body);
  }
}
