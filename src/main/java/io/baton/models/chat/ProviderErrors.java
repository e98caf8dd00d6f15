package io.baton.models.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.baton.models.ModelUnavailableException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a langchain4j client throws into Baton's terms: a provider that cannot answer now
 * (timeout, 5xx, 429, unreachable) is {@link ModelUnavailableException}, which fallback chains and
 * retries handle; a request the provider refuses (bad key, unknown model) is a configuration error
 * that names the model.
 */
final class ProviderErrors {

  private ProviderErrors() {}

  /**
   * @param retryAfter the wait the provider asked for in its answer, or null
   */
  static RuntimeException translate(String model, Throwable thrown, Duration retryAfter) {
    Throwable error =
        thrown instanceof CompletionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (error instanceof AuthenticationException) {
      return new IllegalArgumentException(
          "model '%s': the provider refused the api key (baton.models.%s.api-key)"
              .formatted(model, model),
          error);
    }
    if (error instanceof ModelNotFoundException) {
      return new IllegalArgumentException(
          "model '%s': the provider does not know the model name (baton.models.%s.model-name)"
              .formatted(model, model),
          error);
    }
    if (error instanceof HttpException http) {
      int status = http.statusCode();
      if (status == 429 || status == 408 || status >= 500) {
        return unavailable(model, "HTTP " + status, error, retryAfter);
      }
    }
    if (error instanceof dev.langchain4j.exception.TimeoutException) {
      return unavailable(model, "timeout", error, retryAfter);
    }
    if (error instanceof RateLimitException) {
      return unavailable(model, "rate limited (HTTP 429)", error, retryAfter);
    }
    if (error instanceof InternalServerException) {
      return unavailable(model, "server error", error, retryAfter);
    }
    if (error instanceof RetriableException || error instanceof UnresolvedModelServerException) {
      return unavailable(model, error.getClass().getSimpleName(), error, retryAfter);
    }
    if (error instanceof InvalidRequestException) {
      return new IllegalArgumentException(
          "model '%s': the provider refused the request: %s".formatted(model, error.getMessage()),
          error);
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
        return unavailable(model, "timeout", error, retryAfter);
      }
      if (cause instanceof JsonProcessingException) {
        return unavailable(model, "the provider's response is not valid JSON", error, retryAfter);
      }
      if (cause instanceof IOException) {
        return unavailable(model, "connection failed: " + cause.getMessage(), error, retryAfter);
      }
    }
    return error instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("model '%s': %s".formatted(model, error), error);
  }

  private static ModelUnavailableException unavailable(
      String model, String why, Throwable cause, Duration retryAfter) {
    String asked = retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s";
    return new ModelUnavailableException(
        "model '%s' is unavailable: %s%s".formatted(model, why, asked), retryAfter, cause);
  }
}
