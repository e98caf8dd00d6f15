package io.baton.connectors.extract;

import io.baton.models.JsonSchemaCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The JSON schemas at {@code baton.schemas.location} ({@code processes/schemas/<id>.json}), read
 * and compiled once at start-up, so a broken schema stops the start instead of a case.
 */
public class SchemaCatalog {

  private final Map<String, String> schemas = new TreeMap<>();

  public SchemaCatalog(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list JSON schemas at " + locationPattern, e);
    }
    for (Resource resource : resources) {
      String id = resource.getFilename().replaceFirst("\\.json$", "");
      try (InputStream in = resource.getInputStream()) {
        String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonSchemaCheck.compile(schema);
        String earlier = schemas.putIfAbsent(id, schema);
        if (earlier != null && !earlier.equals(schema)) {
          throw new IllegalStateException(
              "JSON schema '%s' is defined twice, differently (again in %s)"
                  .formatted(id, resource));
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "JSON schema file %s is not valid: %s".formatted(resource, e.getMessage()), e);
      }
    }
  }

  public String get(String id) {
    String schema = schemas.get(id);
    if (schema == null) {
      throw new IllegalArgumentException(
          "no JSON schema '%s': the known schemas are %s (processes/schemas/)"
              .formatted(id, schemas.keySet()));
    }
    return schema;
  }
}
