package io.baton.security.deployments;

import io.baton.security.expressions.ExpressionPolicy;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a BPMN diagram may contain: no scripts, no Java classes, no connectors, only external or
 * Baton-delegate service tasks, and every expression, wherever it stands (attributes, conditions,
 * input and output mappings, listeners, timers), allowed by {@link ExpressionPolicy}.
 */
final class DiagramRules {

  /**
   * Attributes that name a script resource; any attribute named {@code class} or ending in {@code
   * Class} ({@code camunda:class}, {@code variableMappingClass}, {@code formHandlerClass}) names a
   * Java class the engine would load and run.
   */
  private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("resource");

  /** Elements that carry a script, or a connector that runs code of its own. */
  private static final Set<String> CODE_ELEMENTS = Set.of("scriptTask", "script", "connector");

  /** Elements the engine never evaluates, whose text may mention an expression freely. */
  private static final Set<String> TEXT_ELEMENTS = Set.of("documentation", "text");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  private final ExpressionPolicy policy;

  DiagramRules(ExpressionPolicy policy) {
    this.policy = policy;
  }

  void check(Document diagram, Problems problems) {
    check(diagram.getDocumentElement(), problems);
  }

  private void check(Element element, Problems problems) {
    String name = element.getLocalName();
    if (CODE_ELEMENTS.contains(name)) {
      problems.add(element, "scripts and connectors are not allowed; use an external task");
    }
    if (element.hasAttribute("language")) {
      problems.add(element, "script conditions are not allowed; use an expression");
    }
    checkAttributes(element, problems);
    if (TEXT_ELEMENTS.contains(name)) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        check(childElement, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      } else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        problems.add(element, "processing instructions are not allowed in a diagram");
      }
    }
    // the engine joins all text of an element, also around child elements, before it evaluates
    checkText(element, "text", text.toString(), problems);
  }

  private void checkAttributes(Element element, Problems problems) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (name.equals("class") || name.endsWith("Class") || RESOURCE_ATTRIBUTES.contains(name)) {
        problems.add(
            element,
            "%s is not allowed: Java classes and script resources do not run here; use an external task or one of Baton's beans"
                .formatted(attribute.getName()));
      } else if ("type".equals(name)
          && isCamunda(attribute)
          && !"external".equals(attribute.getValue())) {
        problems.add(
            element,
            "%s='%s' is not allowed; use camunda:type=\"external\""
                .formatted(attribute.getName(), attribute.getValue()));
      } else if ("delegateExpression".equals(name)
          && !EXPRESSION.matcher(attribute.getValue()).find()) {
        problems.add(
            element,
            "%s must be an expression naming one of Baton's beans".formatted(attribute.getName()));
      } else {
        checkText(element, "attribute " + attribute.getName(), attribute.getValue(), problems);
      }
    }
  }

  private void checkText(Element element, String where, String text, Problems problems) {
    Matcher start = EXPRESSION.matcher(text);
    if (!start.find()) {
      return;
    }
    List<String> refused = policy.problems(text.strip());
    for (String problem : refused) {
      problems.add(element, "%s '%s': %s".formatted(where, text.strip(), problem));
    }
  }

  private static boolean isCamunda(Attr attribute) {
    String namespace = attribute.getNamespaceURI();
    return namespace != null
        && (namespace.equals("http://camunda.org/schema/1.0/bpmn")
            || namespace.equals("http://activiti.org/bpmn"));
  }
}
