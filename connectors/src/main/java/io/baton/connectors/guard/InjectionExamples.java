package io.baton.connectors.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Known prompt-injection phrasings ({@code processes/guardrails/prompt-injections.json}) that the
 * guard compares every part of a message with.
 */
public record InjectionExamples(String id, String description, List<String> examples) {

  public static final String DEFAULT_LOCATION =
      "classpath:processes/guardrails/prompt-injections.json";

  public InjectionExamples {
    if (examples == null || examples.isEmpty()) {
      throw new IllegalArgumentException("injection examples '" + id + "' has no examples");
    }
    examples = List.copyOf(examples);
  }

  public static InjectionExamples read(String location, ObjectMapper json) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return json.readValue(in, InjectionExamples.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "injection examples %s cannot be read (baton.guard.injection-examples): %s"
              .formatted(location, e.getMessage()),
          e);
    }
  }
}
