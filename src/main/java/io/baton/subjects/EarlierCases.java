package io.baton.subjects;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject's earlier cases as a new case is told about them: rows for the review form's table, and
 * text for a model's prompt. Both hold what Baton decided about the cases (label, state, route,
 * reviewer decision, approvals pending), never what the subject wrote, and the text names no
 * reviewer.
 */
final class EarlierCases {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private EarlierCases() {}

  static List<Map<String, String>> rows(List<SubjectCase> cases) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (SubjectCase c : cases) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("started", DAY.format(c.startedAt()));
      row.put("label", label(c));
      row.put("state", state(c));
      row.put("route", c.route() == null ? "" : c.route());
      row.put("decision", decision(c, true));
      row.put("case", c.processInstanceId());
      rows.add(row);
    }
    return rows;
  }

  /** Empty when there are none, so a prompt without earlier cases stays as it was. */
  static String text(Subject subject, List<SubjectCase> cases) {
    if (cases.isEmpty()) {
      return "";
    }
    StringBuilder text =
        new StringBuilder("Earlier cases of the same ")
            .append(subject.key())
            .append(", newest first:");
    for (SubjectCase c : cases) {
      text.append("\n- ")
          .append(DAY.format(c.startedAt()))
          .append(": ")
          .append(label(c))
          .append(", ")
          .append(state(c));
      if (c.route() != null) {
        text.append(", routed ").append(c.route());
      }
      String decision = decision(c, false);
      if (!decision.isEmpty()) {
        text.append(", ").append(decision);
      }
    }
    return text.toString();
  }

  private static String label(SubjectCase c) {
    if (c.label() == null) {
      return "not classified yet";
    }
    SubjectCase.ReviewedAs correction = c.correction();
    return correction == null
        ? c.label()
        : "%s (a reviewer corrected the AI's %s)".formatted(c.label(), correction.aiLabel());
  }

  private static String state(SubjectCase c) {
    if (!c.open()) {
      return "closed" + (c.outcome() == null ? "" : " (" + c.outcome() + ")");
    }
    return c.pendingApprovals().isEmpty()
        ? "open"
        : "open, waiting for approval " + String.join(" and ", c.pendingApprovals());
  }

  private static String decision(SubjectCase c, boolean withReviewer) {
    SubjectCase.ReviewedAs reviewed = c.lastDecision();
    if (reviewed == null) {
      return "";
    }
    String who = withReviewer && reviewed.reviewer() != null ? " " + reviewed.reviewer() : "";
    return switch (reviewed.decision()) {
      case "APPROVE" -> "reviewer" + who + " approved";
      case "REJECT" -> "reviewer" + who + " rejected it";
      case "CHANGE_LABEL" -> "reviewer" + who + " corrected the label to " + reviewed.finalLabel();
      default -> "reviewer" + who + " decided " + reviewed.decision();
    };
  }
}
