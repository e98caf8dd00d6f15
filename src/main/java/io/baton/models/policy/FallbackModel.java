package io.baton.models.policy;

import io.baton.models.Answer;
import io.baton.models.Classification;
import io.baton.models.Draft;
import io.baton.models.Extraction;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelTask;
import io.baton.models.ModelUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fallback chain: asks its models in order and takes the first answer; a model that is
 * unavailable (timeout, server error, rate limit, open circuit) hands the task to the next one. The
 * last tier is usually the offline {@code local} model.
 */
public final class FallbackModel implements Model {

  private static final Logger log = LoggerFactory.getLogger(FallbackModel.class);

  private final String name;
  private final List<Model> tiers;

  public FallbackModel(String name, List<Model> tiers) {
    this.name = name;
    this.tiers = List.copyOf(tiers);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return "fallback";
  }

  @Override
  public boolean generative() {
    return tiers.stream().anyMatch(Model::generative);
  }

  @Override
  public Classification classify(ModelTask.Classify task) {
    return first(model -> model.classify(task));
  }

  @Override
  public Draft draft(ModelTask.DraftReply task) {
    return first(model -> model.draft(task));
  }

  @Override
  public Extraction extract(ModelTask.Extract task) {
    return first(model -> model.extract(task));
  }

  @Override
  public Answer ask(ModelTask.Ask task) {
    return first(model -> model.ask(task));
  }

  private <T> T first(Function<Model, T> call) {
    List<String> reasons = new ArrayList<>();
    ModelUnavailableException last = null;
    for (Model tier : tiers) {
      try {
        return call.apply(tier);
      } catch (ModelUnavailableException e) {
        log.warn(
            "model '{}' unavailable, '{}' tries the next one: {}",
            tier.name(),
            name,
            e.getMessage());
        reasons.add(e.getMessage());
        last = e;
      } catch (ModelNotGenerativeException e) {
        reasons.add(e.getMessage());
      }
    }
    throw new ModelUnavailableException(
        "no model of fallback chain '%s' could answer: %s"
            .formatted(name, String.join("; ", reasons)),
        last == null ? null : last.retryAfter(),
        last);
  }
}
