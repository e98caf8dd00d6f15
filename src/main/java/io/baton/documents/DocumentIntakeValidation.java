package io.baton.documents;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code document-intake}: refuses a missing, empty or oversized document inside
 * the start transaction, however the process is started.
 */
@Component("documentIntakeValidation")
public class DocumentIntakeValidation implements ExecutionListener {

  static final int MAX_LENGTH = 50_000;

  @Override
  public void notify(DelegateExecution execution) {
    Object text = execution.getVariable("documentText");
    if (!(text instanceof String document) || document.isBlank()) {
      throw new InvalidDocumentException("invalid document: 'documentText' must be non-empty text");
    }
    if (document.length() > MAX_LENGTH) {
      throw new InvalidDocumentException(
          "invalid document: 'documentText' has %,d characters, at most %,d are accepted"
              .formatted(document.length(), MAX_LENGTH));
    }
  }
}
