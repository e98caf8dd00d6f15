package io.baton.connectors.validate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Input of the {@code validate} connector. Every check that is given must pass.
 *
 * @param output the AI output to check: JSON text or plain text
 * @param jsonSchema when given, the output must be JSON valid against this JSON schema
 * @param requiredFields fields that must be present and not empty: {@code amount}, {@code
 *     customer.name}, {@code items.0.sku} or a JSON pointer such as {@code /customer/name}
 * @param allowedValues per field, the values it may have (an array field: each of its elements)
 * @param rejectPii whether personal data in the output (e-mail address, phone number, IBAN, payment
 *     card number) fails it
 * @param sources texts the output must be grounded in, such as the passages {@code retrieve} found
 * @param minGrounding the similarity (0..1) each sentence of the output needs to at least one
 *     source (embedding similarity: it catches claims on subjects the sources do not cover, not
 *     contradictions of a source); 0.5 when not given
 * @param sourceText the text a structured output was taken from, such as the document an extraction
 *     read; with {@code sourceFields}
 * @param sourceFields fields whose values must be found in {@code sourceText}: text ignoring case
 *     and spacing, numbers by value ({@code 1,234.50} = 1234.5). It catches a value the model
 *     invented, which a schema cannot
 * @param minLength the fewest characters the output may have
 * @param maxLength the most characters the output may have
 * @param failOnReject whether a failed check raises BPMN error {@code VALIDATION_FAILED} instead of
 *     completing with verdict {@code FAIL}
 */
public record ValidateRequest(
    @NotNull @Size(max = ValidateRequest.MAX_OUTPUT_LENGTH) String output,
    String jsonSchema,
    @Size(max = 100) List<@NotBlank String> requiredFields,
    @Size(max = 100) Map<@NotBlank String, @NotEmpty List<String>> allowedValues,
    boolean rejectPii,
    @Size(max = 50) List<@NotBlank @Size(max = 20_000) String> sources,
    @DecimalMin("0") @DecimalMax("1") Double minGrounding,
    @Size(max = MAX_OUTPUT_LENGTH) String sourceText,
    @Size(max = 100) List<@NotBlank String> sourceFields,
    @PositiveOrZero Integer minLength,
    @Positive Integer maxLength,
    boolean failOnReject) {

  public static final int MAX_OUTPUT_LENGTH = 100_000;

  public ValidateRequest {
    jsonSchema = jsonSchema == null || jsonSchema.isBlank() ? null : jsonSchema;
    minGrounding = minGrounding == null ? 0.5 : minGrounding;
  }

  @AssertTrue(
      message =
          "give at least one check: jsonSchema, requiredFields, allowedValues, rejectPii, sources,"
              + " sourceText with sourceFields, minLength or maxLength")
  boolean isAnyCheckGiven() {
    return jsonSchema != null
        || requiredFields != null && !requiredFields.isEmpty()
        || allowedValues != null && !allowedValues.isEmpty()
        || rejectPii
        || sources != null
        || sourceFields != null
        || minLength != null
        || maxLength != null;
  }

  @AssertTrue(message = "give sourceText and sourceFields together")
  boolean isSourceCheckComplete() {
    boolean hasFields = sourceFields != null && !sourceFields.isEmpty();
    return (sourceText != null) == hasFields;
  }

  @AssertTrue(message = "minLength must not be greater than maxLength")
  boolean isLengthRangeValid() {
    return minLength == null || maxLength == null || minLength <= maxLength;
  }

  boolean needsJson() {
    return jsonSchema != null
        || requiredFields != null && !requiredFields.isEmpty()
        || allowedValues != null && !allowedValues.isEmpty()
        || sourceFields != null && !sourceFields.isEmpty();
  }
}
