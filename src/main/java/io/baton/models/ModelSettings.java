package io.baton.models;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The settings of one named model under {@code baton.models.<name>}.
 *
 * @param provider which provider builds the model: {@code local}, {@code openai}, {@code ollama},
 *     {@code anthropic}; or a routing policy over other named models: {@code fallback}, {@code
 *     cascade}
 * @param modelName the provider's name for the model, for example {@code gpt-4o-mini}
 * @param endpoint the server's base URL; for {@code openai} any OpenAI-compatible server
 * @param apiKey the provider's key; set it from the environment, it is never logged
 * @param models for {@code fallback} and {@code cascade}: the named models to try, in order
 * @param minConfidence for {@code cascade}: below this confidence the next model is asked
 * @param sendPersonalData for remote providers: {@code true} sends e-mail addresses, IBANs, card
 *     and phone numbers as they are (for a server you run yourself); by default they are replaced
 *     by placeholders before the prompt leaves the machine and restored in the answer
 * @param requestsPerMinute the provider's limit of requests per minute for this model, shared by
 *     every worker of the deployment; none when not set
 * @param tokensPerMinute the provider's limit of tokens per minute (prompt and max-tokens, as
 *     providers count them when a request arrives); none when not set
 */
public record ModelSettings(
    String provider,
    String modelName,
    String endpoint,
    String apiKey,
    Duration timeout,
    Integer maxTokens,
    BigDecimal pricePerInputToken,
    BigDecimal pricePerOutputToken,
    List<String> models,
    Double minConfidence,
    Boolean sendPersonalData,
    Integer requestsPerMinute,
    Integer tokensPerMinute) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public ModelSettings {
    models = models == null ? List.of() : List.copyOf(models);
  }

  public static ModelSettings of(String provider) {
    return new ModelSettings(
        provider, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Whether calls of this model wait for a shared rate window. */
  public boolean rateLimited() {
    return requestsPerMinute != null || tokensPerMinute != null;
  }

  /** Whether prompts keep their personal data; by default it is replaced by placeholders. */
  public boolean sendsPersonalData() {
    return Boolean.TRUE.equals(sendPersonalData);
  }

  public Duration timeoutOrDefault() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /** Whether calls cost anything: a price per input or output token above zero. */
  public boolean priced() {
    return (pricePerInputToken != null && pricePerInputToken.signum() > 0)
        || (pricePerOutputToken != null && pricePerOutputToken.signum() > 0);
  }

  /** The price of a call's tokens, zero where no price is configured. */
  public BigDecimal cost(Usage usage) {
    BigDecimal in = pricePerInputToken == null ? BigDecimal.ZERO : pricePerInputToken;
    BigDecimal out = pricePerOutputToken == null ? BigDecimal.ZERO : pricePerOutputToken;
    return in.multiply(BigDecimal.valueOf(usage.inputTokens()))
        .add(out.multiply(BigDecimal.valueOf(usage.outputTokens())));
  }

  /** The environment variable that sets one of a model's settings, for error messages. */
  public static String variable(String model, String setting) {
    return ("BATON_MODELS_" + model + "_" + setting).toUpperCase().replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * A setting a provider cannot do without.
   *
   * @throws IllegalStateException naming the setting, its variable and an example
   */
  public static String required(String model, String setting, String value, String example) {
    if (value == null || value.isBlank()) {
      throw missing(model, setting, example);
    }
    return value;
  }

  /** Names a missing setting of a model and how to set it. */
  public static IllegalStateException missing(String model, String setting, String advice) {
    return new IllegalStateException(
        "model '%s' has no %s: set %s (baton.models.%s.%s)%s"
            .formatted(
                model,
                setting,
                variable(model, setting),
                model,
                setting,
                advice == null ? "" : ", " + advice));
  }

  @Override
  public String toString() {
    return "ModelSettings[provider=%s, modelName=%s, endpoint=%s, apiKey=%s, models=%s]"
        .formatted(provider, modelName, endpoint, apiKey == null ? "unset" : "***", models);
  }
}
