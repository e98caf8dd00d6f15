package io.baton.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A browser-like session of the Camunda webapps: session and CSRF cookies, the CSRF header, and the
 * same login Tasklist does.
 */
final class WebappSession {

  private final TestRestTemplate http;
  private final Map<String, String> cookies = new HashMap<>();

  private WebappSession(TestRestTemplate http) {
    this.http = http;
  }

  static WebappSession login(TestRestTemplate http, String user, String password) {
    WebappSession session = new WebappSession(http);
    session.exchange(HttpMethod.GET, "/camunda/app/tasklist/default/", null, null);
    ResponseEntity<String> login =
        session.exchange(
            HttpMethod.POST,
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=%s&password=%s".formatted(user, password),
            MediaType.APPLICATION_FORM_URLENCODED);
    if (!login.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("webapp login failed: " + login);
    }
    // the login starts a new session: fetch its CSRF token as Tasklist does
    session.exchange(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  ResponseEntity<String> post(String path, String json) {
    return exchange(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON);
  }

  ResponseEntity<String> exchange(HttpMethod method, String path, String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (type != null) {
      headers.setContentType(type);
    }
    if (!cookies.isEmpty()) {
      headers.add(
          HttpHeaders.COOKIE,
          cookies.entrySet().stream()
              .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
              .collect(Collectors.joining("; ")));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    ResponseEntity<String> response =
        http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token != null) {
      cookies.put("XSRF-TOKEN", token);
    }
    List<String> setCookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return response;
  }
}
