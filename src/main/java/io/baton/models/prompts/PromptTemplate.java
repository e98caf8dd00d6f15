package io.baton.models.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.models.PromptRef;
import io.baton.models.RenderedPrompt;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A prompt template file: {@code {{name}}} placeholders are filled with values; a value that is a
 * list or an object is written as JSON.
 *
 * @param output {@code text} or {@code json}
 */
public record PromptTemplate(
    String id, int version, String description, String system, String user, String output) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public PromptTemplate {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a prompt template needs an id");
    }
    if (version < 1) {
      throw new IllegalArgumentException("prompt template '" + id + "' needs a version >= 1");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("prompt template '" + id + "' needs a user text");
    }
    output = output == null ? "text" : output;
    if (!output.equals("text") && !output.equals("json")) {
      throw new IllegalArgumentException(
          "prompt template '%s': output must be text or json, not '%s'".formatted(id, output));
    }
  }

  public PromptRef ref() {
    return new PromptRef(
        id, version, DigestUtils.sha256Hex(system + "\u0000" + user + "\u0000" + output));
  }

  /**
   * Fills the placeholders.
   *
   * @throws IllegalArgumentException naming a placeholder that has no value
   */
  public RenderedPrompt render(Map<String, ?> values) {
    Map<String, Object> texts = new HashMap<>();
    values.forEach((name, value) -> texts.put(name, text(value)));
    String renderedSystem = system == null ? null : fill(system, texts);
    return new RenderedPrompt(ref(), renderedSystem, fill(user, texts), output.equals("json"));
  }

  private String fill(String template, Map<String, Object> values) {
    try {
      return dev.langchain4j.model.input.PromptTemplate.from(template).apply(values).text();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("prompt " + ref() + ": " + e.getMessage(), e);
    }
  }

  private static Object text(Object value) {
    if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write a prompt value as JSON", e);
      }
    }
    return value == null ? "" : value;
  }
}
