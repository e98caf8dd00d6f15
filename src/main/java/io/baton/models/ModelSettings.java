package io.baton.models;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The settings of one named model under {@code baton.models.<name>}.
 *
 * @param provider which provider builds the model, for example {@code local}
 * @param modelName the provider's name for the model, if it has several
 */
public record ModelSettings(
    String provider,
    String modelName,
    String endpoint,
    String apiKey,
    Duration timeout,
    Integer maxTokens,
    BigDecimal pricePerInputToken,
    BigDecimal pricePerOutputToken) {

  @Override
  public String toString() {
    return "ModelSettings[provider=%s, modelName=%s, endpoint=%s, apiKey=%s]"
        .formatted(provider, modelName, endpoint, apiKey == null ? "unset" : "***");
  }
}
