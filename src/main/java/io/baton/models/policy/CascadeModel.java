package io.baton.models.policy;

import io.baton.models.Answer;
import io.baton.models.Classification;
import io.baton.models.Draft;
import io.baton.models.Extraction;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.Model;
import io.baton.models.ModelNotGenerativeException;
import io.baton.models.ModelOutputException;
import io.baton.models.ModelTask;
import io.baton.models.ModelUnavailableException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cheap-first cascade: asks the cheapest model first and the next, better one only when the
 * answer is not good enough: a classification below {@code minConfidence}, an extraction that does
 * not match its schema, an answer that is not the JSON asked for, or no answer at all. The last
 * model's answer is taken as it is, for the connector to check.
 */
public final class CascadeModel implements Model {

  private static final Logger log = LoggerFactory.getLogger(CascadeModel.class);

  private final String name;
  private final List<Model> tiers;
  private final double minConfidence;

  public CascadeModel(String name, List<Model> tiers, double minConfidence) {
    this.name = name;
    this.tiers = List.copyOf(tiers);
    this.minConfidence = minConfidence;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String provider() {
    return "cascade";
  }

  @Override
  public boolean generative() {
    return tiers.stream().anyMatch(Model::generative);
  }

  @Override
  public Classification classify(ModelTask.Classify task) {
    return escalate(model -> model.classify(task), c -> c.confidence() >= minConfidence);
  }

  @Override
  public Draft draft(ModelTask.DraftReply task) {
    return escalate(model -> model.draft(task), draft -> true);
  }

  @Override
  public Extraction extract(ModelTask.Extract task) {
    return escalate(
        model -> model.extract(task),
        e -> JsonSchemaCheck.problems(e.json(), task.jsonSchema()).isEmpty());
  }

  @Override
  public Answer ask(ModelTask.Ask task) {
    return escalate(
        model -> model.ask(task),
        answer -> !task.prompt().json() || JsonSchemaCheck.problems(answer.text(), "{}").isEmpty());
  }

  private <T> T escalate(Function<Model, T> call, Predicate<T> goodEnough) {
    RuntimeException failure = null;
    for (int i = 0; i < tiers.size(); i++) {
      Model tier = tiers.get(i);
      boolean last = i == tiers.size() - 1;
      try {
        T answer = call.apply(tier);
        if (last || goodEnough.test(answer)) {
          return answer;
        }
        log.info(
            "cascade '{}': answer of '{}' not good enough, asking the next model",
            name,
            tier.name());
      } catch (ModelUnavailableException | ModelOutputException | ModelNotGenerativeException e) {
        if (last) {
          throw e;
        }
        failure = e;
        log.info(
            "cascade '{}': '{}' did not answer ({}), asking the next model",
            name,
            tier.name(),
            e.getMessage());
      }
    }
    throw failure != null
        ? failure
        : new IllegalStateException("cascade '" + name + "' has no models");
  }
}
