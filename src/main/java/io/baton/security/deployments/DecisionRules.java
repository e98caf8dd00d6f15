package io.baton.security.deployments;

import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a DMN decision may contain: FEEL only. JUEL and script languages (JavaScript, Groovy, ...)
 * can call any Java method, so a table or literal expression that names another language is
 * refused.
 */
final class DecisionRules {

  void check(Document decisions, Problems problems) {
    check(decisions.getDocumentElement(), problems);
  }

  private void check(Element element, Problems problems) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
      problems.add(
          element,
          "expressionLanguage '%s' is not allowed; decisions are written in FEEL"
              .formatted(language));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        check(childElement, problems);
      }
    }
  }
}
