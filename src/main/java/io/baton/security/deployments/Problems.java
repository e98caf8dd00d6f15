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

  /** A problem of the element, named by the element itself or the nearest one with an id. */
  void add(Element element, String problem) {
    problems.add("%s: %s: %s".formatted(resource, where(element), problem));
  }

  private static String where(Element element) {
    Element named = element;
    while (named.getAttribute("id").isEmpty() && named.getParentNode() instanceof Element parent) {
      named = parent;
    }
    String id = named.getAttribute("id");
    if (id.isEmpty()) {
      return element.getLocalName();
    }
    String where = "'%s' (%s)".formatted(id, named.getLocalName());
    return named == element ? where : where + " " + element.getLocalName();
  }

  void add(String problem) {
    problems.add("%s: %s".formatted(resource, problem));
  }

  List<String> list() {
    return problems;
  }
}
