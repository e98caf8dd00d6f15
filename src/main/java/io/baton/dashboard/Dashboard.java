package io.baton.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/dashboard} answers: every figure over the same window. */
record Dashboard(
    int days,
    Instant since,
    Instant generatedAt,
    Costs costs,
    List<ProcessCost> costPerProcess,
    List<ModelLatency> latency,
    List<ModelOutcomes> outcomes,
    List<ProcessSuccess> processes,
    Incidents incidents,
    List<ReviewAgreement> reviews,
    List<BudgetUse> budgets) {

  /** Model calls made for cases in the window: in all, per case on average, the costliest. */
  record Costs(BigDecimal total, long cases, BigDecimal averagePerCase, List<CaseCost> top) {}

  record CaseCost(
      String processInstanceId,
      String businessKey,
      String processDefinitionKey,
      long calls,
      BigDecimal cost) {}

  /** A process definition key of null stands for calls whose case the history no longer has. */
  record ProcessCost(String processDefinitionKey, long cases, long calls, BigDecimal cost) {}

  /** Latency of the model's successful calls (outcome OK) in milliseconds, nearest rank. */
  record ModelLatency(String model, long calls, long p50Ms, long p95Ms) {}

  /** How a model's calls ended, by outcome, and the share that ended OK. */
  record ModelOutcomes(String model, long calls, Map<String, Long> byOutcome, double successRate) {}

  /**
   * Process instances started in the window, by how they stand now; {@code successRate} is the
   * share of the ended ones that completed, null while none ended.
   */
  record ProcessSuccess(
      String processDefinitionKey,
      long started,
      long completed,
      long terminated,
      long running,
      long withOpenIncident,
      Double successRate) {}

  /** Incidents open now, whenever they were raised, and the latest of them. */
  record Incidents(long open, List<Incident> latest) {}

  record Incident(
      String id,
      Instant raisedAt,
      String type,
      String message,
      String processDefinitionKey,
      String processInstanceId,
      String activityId) {}

  /**
   * Reviewer decisions in the window on one model's results of one task type: {@code accuracy} is
   * the share of approvals among approvals and corrections (the reviewer kept the AI's answer);
   * {@code agreement} the share of approvals among all decisions. Null without decisions.
   */
  record ReviewAgreement(
      String taskType,
      String model,
      int approved,
      int corrected,
      int rejected,
      Double accuracy,
      Double agreement) {}

  /**
   * One budget: its setting, its limit (null when not set) and who spent most against it.
   *
   * @param scope what the budget is kept per, such as "case"
   */
  record BudgetUse(String setting, String scope, BigDecimal limit, List<Spender> top) {}

  /** {@code share} is spent divided by the limit, null without a limit. */
  record Spender(String id, String label, BigDecimal spent, Double share) {}
}
