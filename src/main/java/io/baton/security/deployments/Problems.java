package io.baton.security.deployments;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The reasons one resource is refused, each naming the element it concerns. */
final class Problems {

  private final String resource;
  private final List<String> problems = new ArrayList<>();

  Problems(String resource) {
    this.resource = resource;
  }

  void add(Element element, String problem) {
    String id = element.getAttribute("id");
    String where =
        id.isEmpty() ? element.getLocalName() : "'%s' (%s)".formatted(id, element.getLocalName());
    problems.add("%s: %s: %s".formatted(resource, where, problem));
  }

  void add(String problem) {
    problems.add("%s: %s".formatted(resource, problem));
  }

  List<String> list() {
    return problems;
  }
}
