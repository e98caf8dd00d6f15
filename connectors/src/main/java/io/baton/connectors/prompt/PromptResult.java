package io.baton.connectors.prompt;

import java.util.Map;

/**
 * Output of the {@code prompt} connector.
 *
 * @param answer the model's answer as text
 * @param answerJson the answer as an object, when the template asks for JSON; null otherwise
 * @param answerModel the named model that answered
 * @param answerPrompt the template used, {@code id@version}
 */
public record PromptResult(
    String answer, Map<String, Object> answerJson, String answerModel, String answerPrompt) {}
