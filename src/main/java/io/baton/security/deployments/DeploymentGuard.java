package io.baton.security.deployments;

import io.baton.security.expressions.ExpressionPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Deployer that runs before the engine's own: it checks every resource of a deployment and refuses
 * the whole deployment, naming each element and reason, when a diagram would run code (see {@link
 * DiagramRules}), a decision is not FEEL ({@link DecisionRules}), or a resource is of any other
 * kind than BPMN, DMN, Camunda Forms and images (CMMN, scripts and HTML forms can carry code). It
 * also runs when the engine loads a deployment into its cache, so a definition deployed before
 * Baton checked cannot run either.
 */
public class DeploymentGuard implements Deployer {

  private static final List<String> DIAGRAMS = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DECISIONS = List.of(".dmn", ".dmn11.xml");

  /** Camunda Forms and diagram images; any other kind of resource is refused. */
  private static final List<String> PLAIN = List.of(".form", ".png", ".jpg", ".jpeg", ".gif");

  private final DiagramRules diagrams;
  private final DecisionRules decisions = new DecisionRules();

  public DeploymentGuard(ListableBeanFactory beans) {
    this.diagrams = new DiagramRules(ExpressionPolicy.forDiagrams(new SpringBeans(beans)));
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(problems(resource.getName(), resource.getBytes()));
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(
          "Deployment '%s' refused: %s"
              .formatted(deployment.getName(), String.join("; ", problems)));
    }
  }

  /** The reasons a resource is refused; empty when it may be deployed. */
  List<String> problems(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    Problems problems = new Problems(name);
    if (DIAGRAMS.stream().anyMatch(lower::endsWith)) {
      parse(bytes, problems, document -> diagrams.check(document, problems));
    } else if (DECISIONS.stream().anyMatch(lower::endsWith)) {
      parse(bytes, problems, document -> decisions.check(document, problems));
    } else if (PLAIN.stream().noneMatch(lower::endsWith)) {
      problems.add(
          "only BPMN, DMN, Camunda Forms (.form) and diagram images are deployed here; other"
              + " resources (CMMN, scripts, HTML forms) can carry code");
    }
    return problems.list();
  }

  private static void parse(byte[] bytes, Problems problems, Consumer<Document> check) {
    try {
      check.accept(SafeXml.parse(bytes));
    } catch (IOException | SAXException e) {
      problems.add("not well-formed XML without a DTD: " + e.getMessage());
    }
  }
}
