package io.baton.connectors.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The label sets found at {@code baton.label-sets.location}, read once at start-up. */
public class LabelSetCatalog {

  private final Map<String, LabelSet> sets = new TreeMap<>();

  public LabelSetCatalog(String locationPattern, ObjectMapper json) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list label sets at " + locationPattern, e);
    }
    for (Resource resource : resources) {
      LabelSet set = read(resource, json);
      LabelSet earlier = sets.putIfAbsent(set.id(), set);
      if (earlier != null && !earlier.equals(set)) {
        throw new IllegalStateException(
            "label set '%s' is defined twice, differently (again in %s)"
                .formatted(set.id(), resource));
      }
    }
  }

  public LabelSet get(String id) {
    LabelSet set = sets.get(id);
    if (set == null) {
      throw new IllegalArgumentException(
          "no label set '%s': the known label sets are %s".formatted(id, sets.keySet()));
    }
    return set;
  }

  private static LabelSet read(Resource resource, ObjectMapper json) {
    try (InputStream in = resource.getInputStream()) {
      return json.readValue(in, LabelSet.class);
    } catch (ValueInstantiationException e) {
      // the label set refused what the file says; its own message names the label set and label
      Throwable refusal = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "label set file %s is not valid: %s".formatted(resource, refusal.getMessage()), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "label set file %s is not valid: %s".formatted(resource, e.getMessage()), e);
    }
  }
}
