package io.baton.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The named models, {@code baton.models.<name>.*}, the circuit breaker every remote provider gets,
 * {@code baton.model-breaker.*}, and the budgets, {@code baton.budgets.*}.
 */
@ConfigurationProperties("baton")
public record ModelsProperties(
    @DefaultValue Map<String, ModelSettings> models,
    @DefaultValue BreakerSettings modelBreaker,
    @DefaultValue Budgets budgets) {

  /**
   * What priced model calls may cost, {@code baton.budgets.*}, in the currency of the models'
   * prices. Before a priced call its worst case is reserved against every budget that applies; a
   * call whose reservation does not fit is not made. The engine keeps the budgets: a standalone
   * worker's own settings here are not read.
   *
   * @param perCase the most one process instance's model calls may cost; none when not set
   * @param perProcessPerDay by process definition key: the most the calls of all its instances may
   *     cost in a day (UTC); {@code "*"} applies to every process not named
   * @param perTenantPerDay by tenant id: the most the calls of the tenant's instances may cost in a
   *     day (UTC); {@code "*"} applies to every tenant not named (instances without a tenant have
   *     none)
   * @param reservationTimeout how long a reservation holds when its call is never reported (its
   *     worker died): then it is released
   */
  public record Budgets(
      BigDecimal perCase,
      @DefaultValue Map<String, BigDecimal> perProcessPerDay,
      @DefaultValue Map<String, BigDecimal> perTenantPerDay,
      @DefaultValue("10m") Duration reservationTimeout) {

    public static final Budgets NONE =
        new Budgets(null, Map.of(), Map.of(), Duration.ofMinutes(10));

    /** Applies to every process or tenant the map does not name. */
    public static final String ANY = "*";

    public Budgets {
      perProcessPerDay = perProcessPerDay == null ? Map.of() : Map.copyOf(perProcessPerDay);
      perTenantPerDay = perTenantPerDay == null ? Map.of() : Map.copyOf(perTenantPerDay);
      reservationTimeout = reservationTimeout == null ? Duration.ofMinutes(10) : reservationTimeout;
      notNegative("per-case", perCase);
      perProcessPerDay.forEach((key, limit) -> notNegative("per-process-per-day." + key, limit));
      perTenantPerDay.forEach((key, limit) -> notNegative("per-tenant-per-day." + key, limit));
    }

    public static Budgets perCase(BigDecimal perCase) {
      return new Budgets(perCase, Map.of(), Map.of(), null);
    }

    /** The day's budget of a process definition key or a tenant, or null. */
    public static BigDecimal of(Map<String, BigDecimal> budgets, String key) {
      return key == null ? null : budgets.getOrDefault(key, budgets.get(ANY));
    }

    private static void notNegative(String name, BigDecimal limit) {
      if (limit != null && limit.signum() < 0) {
        throw new IllegalArgumentException(
            "baton.budgets.%s must not be negative, it is %s".formatted(name, limit));
      }
    }
  }

  /**
   * When a provider's circuit opens: at least {@code minimumCalls} calls in the last {@code window}
   * calls, of which {@code failureRatePercent} failed; it stays open for {@code openFor}, then lets
   * a few calls through to probe.
   */
  public record BreakerSettings(
      @DefaultValue("50") float failureRatePercent,
      @DefaultValue("20") int window,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("30s") Duration openFor) {}
}
