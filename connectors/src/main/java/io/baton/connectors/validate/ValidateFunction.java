package io.baton.connectors.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.ConnectorFunction;
import io.baton.connectors.TaskContext;
import io.baton.connectors.vocabulary.Verdict;
import io.baton.models.Embeddings;
import io.baton.models.JsonSchemaCheck;
import io.baton.models.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks an AI output before anything acts on it, on topic {@code baton.validate}. It completes
 * with verdict {@code PASS} or {@code FAIL} and the reasons, so a decision table can route the
 * case; with {@code failOnReject} a failure raises {@value #VALIDATION_FAILED} instead.
 */
@Component
public class ValidateFunction implements ConnectorFunction<ValidateRequest, ValidateResult> {

  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final int QUOTED_LENGTH = 80;

  private final Grounding grounding;

  public ValidateFunction(Embeddings embeddings) {
    this.grounding = new Grounding(embeddings);
  }

  @Override
  public String topic() {
    return "baton.validate";
  }

  @Override
  public Class<ValidateRequest> inputType() {
    return ValidateRequest.class;
  }

  @Override
  public ValidateResult apply(ValidateRequest request, TaskContext context) {
    Report report = new Report();
    String output = request.output();
    checkLength(request, output, report);
    Parsed json = parse(output);
    if (request.needsJson()) {
      checkJson(request, json, report);
    }
    if (request.rejectPii()) {
      checkPersonalData(output, report);
    }
    if (request.sourceFields() != null && !request.sourceFields().isEmpty()) {
      checkSourceValues(request, json, report);
    }
    Double groundingScore = null;
    if (request.sources() != null) {
      String text = json.document() != null ? texts(json.document()) : output;
      groundingScore = checkGrounding(request, text, report);
    }
    ValidateResult result =
        new ValidateResult(
            report.reasons.isEmpty() ? Verdict.PASS : Verdict.FAIL,
            List.copyOf(report.reasons),
            report.checks,
            groundingScore);
    if (request.failOnReject() && !report.reasons.isEmpty()) {
      throw new ConnectorBpmnError(
          VALIDATION_FAILED,
          "the output failed validation: " + String.join("; ", result.reasons()));
    }
    return result;
  }

  private static void checkLength(ValidateRequest request, String output, Report report) {
    int length = output.codePointCount(0, output.length());
    if (request.minLength() != null) {
      report.check(
          "minLength",
          length >= request.minLength(),
          "the output has %d characters, fewer than %d".formatted(length, request.minLength()));
    }
    if (request.maxLength() != null) {
      report.check(
          "maxLength",
          length <= request.maxLength(),
          "the output has %d characters, more than %d".formatted(length, request.maxLength()));
    }
  }

  private static void checkJson(ValidateRequest request, Parsed json, Report report) {
    JsonNode document = json.document();
    if (document == null) {
      report.fail("json", "the output is not valid JSON: " + json.error());
      if (request.jsonSchema() != null) {
        report.checks.put("jsonSchema", Verdict.FAIL.name());
      }
      if (request.requiredFields() != null && !request.requiredFields().isEmpty()) {
        report.checks.put("requiredFields", Verdict.FAIL.name());
      }
      if (request.allowedValues() != null && !request.allowedValues().isEmpty()) {
        report.checks.put("allowedValues", Verdict.FAIL.name());
      }
      return;
    }
    report.pass("json");
    if (request.jsonSchema() != null) {
      report.pass("jsonSchema");
      JsonSchemaCheck.problems(document, request.jsonSchema())
          .forEach(problem -> report.fail("jsonSchema", problem));
    }
    if (request.requiredFields() != null && !request.requiredFields().isEmpty()) {
      report.pass("requiredFields");
      for (String field : request.requiredFields()) {
        JsonNode value = FieldPath.find(document, field);
        if (FieldPath.isEmpty(value)) {
          report.fail(
              "requiredFields",
              "'%s' is %s".formatted(field, value.isMissingNode() ? "missing" : "empty"));
        }
      }
    }
    if (request.allowedValues() != null && !request.allowedValues().isEmpty()) {
      report.pass("allowedValues");
      new TreeMap<>(request.allowedValues())
          .forEach((field, allowed) -> checkAllowed(document, field, allowed, report));
    }
  }

  private static void checkAllowed(
      JsonNode document, String field, List<String> allowed, Report report) {
    JsonNode node = FieldPath.find(document, field);
    if (node.isMissingNode() || node.isNull()) {
      report.fail("allowedValues", "'%s' is missing; allowed are %s".formatted(field, allowed));
      return;
    }
    List<JsonNode> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(values::add);
    } else {
      values.add(node);
    }
    for (JsonNode value : values) {
      if (!value.isValueNode() || !allowed.contains(value.asText())) {
        report.fail(
            "allowedValues",
            "'%s' is %s, not one of %s".formatted(field, shorten(value.toString()), allowed));
      }
    }
  }

  private static void checkSourceValues(ValidateRequest request, Parsed json, Report report) {
    if (json.document() == null) {
      return; // checkJson has said why
    }
    SourceText source = new SourceText(request.sourceText());
    report.pass("source");
    for (String field : request.sourceFields()) {
      JsonNode value = FieldPath.find(json.document(), field);
      if (!FieldPath.isEmpty(value) && !source.contains(value)) {
        report.fail(
            "source",
            "'%s' is %s, which is not in the source text"
                .formatted(field, shorten(value.isTextual() ? value.asText() : value.toString())));
      }
    }
  }

  private static void checkPersonalData(String output, Report report) {
    Map<String, Long> found =
        PersonalData.find(output).stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.kind().description(), LinkedHashMap::new, Collectors.counting()));
    String what =
        found.entrySet().stream()
            .map(e -> e.getValue() > 1 ? e.getKey() + " (" + e.getValue() + ")" : e.getKey())
            .collect(Collectors.joining(", "));
    report.check("pii", found.isEmpty(), "the output contains personal data: " + what);
  }

  private Double checkGrounding(ValidateRequest request, String text, Report report) {
    if (request.sources().isEmpty()) {
      report.fail("grounding", "there are no sources to ground the output in");
      return 0.0;
    }
    List<Grounding.Claim> claims = grounding.claims(text, request.sources());
    if (claims.isEmpty()) {
      report.checks.put("grounding", ValidateResult.SKIPPED);
      return null;
    }
    report.pass("grounding");
    double weakest = 1;
    for (Grounding.Claim claim : claims) {
      weakest = Math.min(weakest, claim.support());
      if (claim.support() < request.minGrounding()) {
        report.fail(
            "grounding",
            String.format(
                Locale.ROOT,
                "%s is not supported by the sources (similarity %.2f, needs %.2f)",
                quote(claim.text()),
                claim.support(),
                request.minGrounding()));
      }
    }
    return weakest;
  }

  /** The text values of a JSON document, one per line: the claims of a structured output. */
  private static String texts(JsonNode document) {
    List<String> texts = new ArrayList<>();
    collectTexts(document, texts);
    return String.join("\n", texts);
  }

  private static void collectTexts(JsonNode node, List<String> texts) {
    if (node.isTextual()) {
      texts.add(node.asText());
    } else if (node.isContainerNode()) {
      node.forEach(child -> collectTexts(child, texts));
    }
  }

  /** The output as JSON, or why it is not JSON. */
  private record Parsed(JsonNode document, String error) {}

  private static Parsed parse(String output) {
    try {
      JsonNode document = JSON.readTree(output);
      return document == null || document.isMissingNode()
          ? new Parsed(null, "it is empty")
          : new Parsed(document, null);
    } catch (JsonProcessingException e) {
      return new Parsed(null, e.getOriginalMessage());
    }
  }

  private static String quote(String text) {
    return "\"" + shorten(text) + "\"";
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > QUOTED_LENGTH ? oneLine.substring(0, QUOTED_LENGTH) + "…" : oneLine;
  }

  /** The checks that ran and the reasons of those that failed. */
  private static final class Report {

    private final Map<String, String> checks = new LinkedHashMap<>();
    private final List<String> reasons = new ArrayList<>();

    void pass(String check) {
      checks.putIfAbsent(check, Verdict.PASS.name());
    }

    void fail(String check, String reason) {
      checks.put(check, Verdict.FAIL.name());
      reasons.add(check + ": " + reason);
    }

    void check(String check, boolean passed, String reason) {
      if (passed) {
        pass(check);
      } else {
        fail(check, reason);
      }
    }
  }
}
