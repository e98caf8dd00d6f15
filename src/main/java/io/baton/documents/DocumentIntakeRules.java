package io.baton.documents;

import io.baton.security.starts.StartRules;
import io.baton.security.starts.StartVariable;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a document intake starts with: the document's text, at most {@value #MAX_LENGTH} characters.
 */
@Component
public class DocumentIntakeRules implements StartRules {

  static final int MAX_LENGTH = 50_000;

  @Override
  public String processKey() {
    return "document-intake";
  }

  @Override
  public List<StartVariable> variables() {
    return List.of(StartVariable.text("documentText", MAX_LENGTH).required());
  }
}
