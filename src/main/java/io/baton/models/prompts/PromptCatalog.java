package io.baton.models.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The prompt templates found at {@code baton.prompts.location}, read once at start-up. Several
 * versions of a template live side by side; a task names a version or takes the latest.
 */
public class PromptCatalog {

  private final Map<String, NavigableMap<Integer, PromptTemplate>> templates = new TreeMap<>();

  public PromptCatalog(String locationPattern, ObjectMapper json) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list prompt templates at " + locationPattern, e);
    }
    for (Resource resource : resources) {
      PromptTemplate template = read(resource, json);
      PromptTemplate earlier =
          templates
              .computeIfAbsent(template.id(), id -> new TreeMap<>())
              .putIfAbsent(template.version(), template);
      if (earlier != null && !earlier.equals(template)) {
        throw new IllegalStateException(
            "prompt template %s is defined twice, differently (again in %s): give the new text a new version"
                .formatted(template.ref(), resource));
      }
    }
  }

  /** A template by id, in the given version or, when version is null, the latest one. */
  public PromptTemplate get(String id, Integer version) {
    NavigableMap<Integer, PromptTemplate> versions = templates.get(id);
    if (versions == null) {
      throw new IllegalArgumentException(
          "no prompt template '%s': the known templates are %s (processes/prompts/)"
              .formatted(id, templates.keySet()));
    }
    if (version == null) {
      return versions.lastEntry().getValue();
    }
    PromptTemplate template = versions.get(version);
    if (template == null) {
      throw new IllegalArgumentException(
          "prompt template '%s' has no version %d: it has %s"
              .formatted(id, version, versions.keySet()));
    }
    return template;
  }

  private static PromptTemplate read(Resource resource, ObjectMapper json) {
    try (InputStream in = resource.getInputStream()) {
      return json.readValue(in, PromptTemplate.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "prompt template file %s is not valid: %s".formatted(resource, e.getMessage()), e);
    }
  }
}
