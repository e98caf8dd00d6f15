package io.baton.models;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The named models, built once at start-up; a bad model configuration stops the start. */
public class ModelRegistry {

  private final Map<String, Model> models = new TreeMap<>();

  public ModelRegistry(ModelsProperties properties, List<ModelProvider> providers) {
    properties
        .models()
        .forEach((name, settings) -> models.put(name, build(name, settings, providers)));
  }

  public Model get(String name) {
    Model model = models.get(name);
    if (model == null) {
      throw new UnknownModelException(
          "no model named '%s': the configured models are %s (baton.models.*)"
              .formatted(name, models.keySet()));
    }
    return model;
  }

  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  private static Model build(String name, ModelSettings settings, List<ModelProvider> providers) {
    if (settings.provider() == null || settings.provider().isBlank()) {
      throw new IllegalStateException(
          "model '%s' has no provider: set baton.models.%s.provider, for example to 'local'"
              .formatted(name, name));
    }
    List<ModelProvider> matching = providers.stream().filter(p -> p.supports(settings)).toList();
    if (matching.isEmpty()) {
      throw new IllegalStateException(
          "model '%s' uses provider '%s', which this build does not have: choose provider 'local'"
              .formatted(name, settings.provider()));
    }
    if (matching.size() > 1) {
      throw new IllegalStateException(
          "model '%s': several providers claim provider '%s': %s"
              .formatted(name, settings.provider(), matching));
    }
    return matching.get(0).create(name, settings);
  }
}
