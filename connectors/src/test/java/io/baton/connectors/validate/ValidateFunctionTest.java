package io.baton.connectors.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.ConnectorBpmnError;
import io.baton.connectors.TaskContext;
import io.baton.connectors.vocabulary.Verdict;
import io.baton.models.local.LocalEmbeddings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator with the real all-MiniLM-L6-v2 model for the grounding check. */
class ValidateFunctionTest {

  private static final String INVOICE_SCHEMA =
      """
      {
        "type": "object",
        "required": ["invoiceNumber", "amount"],
        "properties": {
          "invoiceNumber": {"type": "string"},
          "amount": {"type": "number", "minimum": 0}
        }
      }
      """;

  private static final List<String> POLICY =
      List.of(
          "Invoices with a total above 10,000 EUR (gross, or the equivalent in another currency)"
              + " need a second approval by a finance manager before they are paid. The second"
              + " approver must be a different person from the first.",
          "A claim for water damage needs photos of the damage and of its cause, such as a burst"
              + " pipe or a leaking appliance. Without photos the claim stays pending and the"
              + " customer is asked for them.");

  private static ValidateFunction validate;
  private static ValidatorFactory validation;

  @BeforeAll
  static void load() {
    validate = new ValidateFunction(new LocalEmbeddings());
    validation = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void close() {
    validation.close();
  }

  @Test
  void should_pass_json_that_fits_the_schema() {
    ValidateResult result =
        validate(request("{\"invoiceNumber\": \"INV-17\", \"amount\": 12500.0}", INVOICE_SCHEMA));

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.reasons()).isEmpty();
    assertThat(result.checks()).containsEntry("json", "PASS").containsEntry("jsonSchema", "PASS");
    assertThat(result.groundingScore()).isNull();
  }

  @Test
  void should_fail_json_against_the_schema_naming_the_fields() {
    ValidateResult result = validate(request("{\"amount\": \"lots\"}", INVOICE_SCHEMA));

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.checks()).containsEntry("jsonSchema", "FAIL");
    assertThat(result.reasons())
        .hasSize(2)
        .allSatisfy(reason -> assertThat(reason).startsWith("jsonSchema: "))
        .anySatisfy(reason -> assertThat(reason).contains("amount"))
        .anySatisfy(reason -> assertThat(reason).contains("invoiceNumber"));
  }

  @Test
  void should_fail_text_that_is_not_json_when_a_schema_is_given() {
    ValidateResult result = validate(request("The amount is 12,500 EUR.", INVOICE_SCHEMA));

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.checks()).containsEntry("json", "FAIL").containsEntry("jsonSchema", "FAIL");
    assertThat(result.reasons()).singleElement().asString().startsWith("json: the output is not");
  }

  @Test
  void should_fail_missing_and_empty_required_fields() {
    ValidateResult result =
        validate(
            new ValidateRequest(
                "{\"vendor\": {\"name\": \" \", \"vatId\": \"DE123\"}, \"amount\": 5, \"items\": []}",
                null,
                List.of("vendor.name", "/vendor/vatId", "amount", "invoiceNumber", "items"),
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                false));

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.checks()).containsEntry("requiredFields", "FAIL");
    assertThat(result.reasons())
        .containsExactly(
            "requiredFields: 'vendor.name' is empty",
            "requiredFields: 'invoiceNumber' is missing",
            "requiredFields: 'items' is empty");
  }

  @Test
  void should_accept_only_allowed_values() {
    Map<String, List<String>> allowed =
        Map.of("decision", List.of("APPROVE", "REJECT"), "flags", List.of("LATE", "DUPLICATE"));

    ValidateResult ok =
        validate(allowed("{\"decision\": \"APPROVE\", \"flags\": [\"LATE\"]}", allowed));
    ValidateResult wrong =
        validate(allowed("{\"decision\": \"MAYBE\", \"flags\": [\"LATE\", \"URGENT\"]}", allowed));
    ValidateResult missing = validate(allowed("{\"flags\": []}", allowed));

    assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
    assertThat(ok.checks()).containsEntry("allowedValues", "PASS");
    assertThat(wrong.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(wrong.reasons())
        .containsExactly(
            "allowedValues: 'decision' is \"MAYBE\", not one of [APPROVE, REJECT]",
            "allowedValues: 'flags' is \"URGENT\", not one of [LATE, DUPLICATE]");
    assertThat(missing.reasons())
        .containsExactly("allowedValues: 'decision' is missing; allowed are [APPROVE, REJECT]");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Please write to jane.doe@example.com about it.       | e-mail address",
        "Call her back on +49 170 1234567 today.              | phone number",
        "Pay to DE89 3704 0044 0532 0130 00 by Friday.        | IBAN",
        "Card 4111 1111 1111 1111 was charged twice.           | payment card number",
        "Mail a@example.com or b@example.org, IBAN DE89370400440532013000 | e-mail address (2), IBAN"
      })
  void should_fail_an_output_with_personal_data_without_repeating_it(String output, String found) {
    ValidateResult result = validate(pii(output));

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.checks()).containsEntry("pii", "FAIL");
    assertThat(result.reasons())
        .containsExactly("pii: the output contains personal data: " + found);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Invoice INV-2024-000123 of 2024-03-15 10:30 is due on 2024-04-14.",
        "Order 4111 1111 1111 1112 has 12 500 items.",
        "Approved 12500.00 EUR for account DE00 1234 5678 9012 3456 78."
      })
  void should_pass_dates_amounts_and_numbers_that_are_not_personal_data(String output) {
    ValidateResult result = validate(pii(output));

    assertThat(result.reasons()).isEmpty();
    assertThat(result.checks()).containsEntry("pii", "PASS");
  }

  @Test
  void should_not_look_for_personal_data_unless_asked() {
    ValidateResult result =
        validate(
            new ValidateRequest(
                "Write to jane.doe@example.com",
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                100,
                false));

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.checks()).doesNotContainKey("pii");
  }

  @Test
  void should_pass_a_sentence_the_sources_support() {
    ValidateResult result =
        validate(
            grounded(
                "Because the invoice is above 10,000 EUR, a finance manager must give a second"
                    + " approval before it is paid."));

    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.checks()).containsEntry("grounding", "PASS");
    assertThat(result.groundingScore()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void should_fail_a_claim_no_source_supports() {
    String supported = "The water damage claim needs photos of the damage and of the burst pipe.";
    String unsupported = "Our company offers free parking for visitors at the head office.";

    ValidateResult result = validate(grounded(supported + " " + unsupported));

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.checks()).containsEntry("grounding", "FAIL");
    assertThat(result.groundingScore()).isLessThan(0.5);
    assertThat(result.reasons())
        .singleElement()
        .asString()
        .startsWith("grounding: \"" + unsupported + "\" is not supported by the sources");
  }

  @Test
  void should_ground_the_text_values_of_a_json_output() {
    ValidateResult result =
        validate(
            grounded(
                "{\"amount\": 14500, \"reason\": \"Invoices above 10,000 EUR need a second"
                    + " approval by a finance manager.\", \"note\": \"Shipping to Canada is"
                    + " always free of charge for loyal customers.\"}"));

    assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(result.reasons())
        .singleElement()
        .asString()
        .startsWith("grounding: \"Shipping to Canada is always free");
  }

  @Test
  void should_check_the_length_of_the_output() {
    ValidateResult tooShort = validate(length("OK", 10, 100));
    ValidateResult tooLong = validate(length("x".repeat(101), 10, 100));
    ValidateResult fits = validate(length("x".repeat(100), 10, 100));

    assertThat(tooShort.reasons())
        .containsExactly("minLength: the output has 2 characters, fewer than 10");
    assertThat(tooLong.reasons())
        .containsExactly("maxLength: the output has 101 characters, more than 100");
    assertThat(fits.verdict()).isEqualTo(Verdict.PASS);
    assertThat(fits.checks()).containsEntry("minLength", "PASS").containsEntry("maxLength", "PASS");
  }

  @Test
  void should_raise_validation_failed_when_asked_to_fail_on_reject() {
    ValidateRequest failing =
        new ValidateRequest("OK", null, null, null, false, null, null, null, null, 10, null, true);
    ValidateRequest passing =
        new ValidateRequest(
            "Fine and long enough",
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            10,
            null,
            true);

    assertThatThrownBy(() -> validate(failing))
        .isInstanceOfSatisfying(
            ConnectorBpmnError.class,
            e -> {
              assertThat(e.code()).isEqualTo(ValidateFunction.VALIDATION_FAILED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the output failed validation: minLength: the output has 2 characters,"
                          + " fewer than 10");
            });
    assertThat(validate(passing).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void should_reject_a_missing_output_and_a_request_without_checks_naming_them() {
    var validator = validation.getValidator();

    assertThat(
            fields(
                validator.validate(
                    new ValidateRequest(
                        null, null, null, null, true, null, null, null, null, null, null, false))))
        .containsExactly("output");
    assertThat(
            fields(
                validator.validate(
                    new ValidateRequest(
                        "text", null, null, null, false, null, null, null, null, null, null,
                        false))))
        .containsExactly("anyCheckGiven");
    assertThat(
            fields(
                validator.validate(
                    new ValidateRequest(
                        "text",
                        null,
                        null,
                        null,
                        false,
                        List.of("a source"),
                        1.5,
                        null,
                        null,
                        20,
                        10,
                        false))))
        .containsExactlyInAnyOrder("minGrounding", "lengthRangeValid");
  }

  @Test
  void should_fail_values_that_are_not_in_the_source_text() {
    String document =
        "INVOICE INV-2024-0042\nVendor: Nordwind Logistik GmbH\nTotal: EUR 1.234,50\nDue 30 days";
    List<String> fields = List.of("invoiceNumber", "vendor", "totalAmount");

    ValidateResult taken =
        validate(
            fromSource(
                "{\"invoiceNumber\": \"INV-2024-0042\", \"vendor\": \"Nordwind  logistik GmbH\","
                    + " \"totalAmount\": 1234.5, \"currency\": \"EUR\"}",
                document,
                fields));
    ValidateResult invented =
        validate(
            fromSource(
                "{\"invoiceNumber\": \"INV-2024-0042\", \"vendor\": \"Acme Corp\","
                    + " \"totalAmount\": 9800}",
                document,
                fields));

    assertThat(taken.verdict()).isEqualTo(Verdict.PASS);
    assertThat(taken.checks()).containsEntry("source", "PASS");
    assertThat(invented.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(invented.reasons())
        .containsExactly(
            "source: 'vendor' is Acme Corp, which is not in the source text",
            "source: 'totalAmount' is 9800, which is not in the source text");
  }

  @Test
  void should_read_numbers_in_either_convention() {
    List<String> amount = List.of("amount");

    assertThat(validate(fromSource("{\"amount\": 1234.5}", "Total 1,234.50 USD", amount)).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(
            validate(fromSource("{\"amount\": \"1234.50\"}", "Summe 1 234,50 €", amount)).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(validate(fromSource("{\"amount\": 123.45}", "Total 1,234.50 USD", amount)).verdict())
        .isEqualTo(Verdict.FAIL);
  }

  private static ValidateResult validate(ValidateRequest request) {
    return validate.apply(request, TaskContext.NONE);
  }

  private static ValidateRequest fromSource(String output, String source, List<String> fields) {
    return new ValidateRequest(
        output, null, null, null, false, null, null, source, fields, null, null, false);
  }

  private static ValidateRequest request(String output, String schema) {
    return new ValidateRequest(
        output, schema, null, null, false, null, null, null, null, null, null, false);
  }

  private static ValidateRequest allowed(String output, Map<String, List<String>> allowed) {
    return new ValidateRequest(
        output, null, null, allowed, false, null, null, null, null, null, null, false);
  }

  private static ValidateRequest pii(String output) {
    return new ValidateRequest(
        output, null, null, null, true, null, null, null, null, null, null, false);
  }

  private static ValidateRequest grounded(String output) {
    return new ValidateRequest(
        output, null, null, null, false, POLICY, null, null, null, null, null, false);
  }

  private static ValidateRequest length(String output, int min, int max) {
    return new ValidateRequest(
        output, null, null, null, false, null, null, null, null, min, max, false);
  }

  private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
  }
}
