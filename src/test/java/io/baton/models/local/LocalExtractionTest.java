package io.baton.models.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.models.CallSite;
import io.baton.models.Extraction;
import io.baton.models.ModelTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalExtractionTest {

  private static final LocalModel MODEL = new LocalModel("local", new LocalEmbeddings());

  @Test
  void should_read_labelled_lines_into_the_schema_types() throws Exception {
    String schema = Files.readString(Path.of("processes/schemas/invoice.json"));
    String invoice =
        """
        ACME Office Supplies GmbH
        Invoice No.: INV-2026-0117
        Date of issue: 2026-11-02
        Supplier: ACME Office Supplies GmbH
        Total due: 1.234,50 EUR
        Currency: eur
        Bank account (IBAN): DE89 3704 0044 0532 0130 00
        Thank you for your business.
        """;
    Extraction extraction =
        MODEL.extract(new ModelTask.Extract(invoice, schema, List.of(), CallSite.NONE));
    JsonNode fields = new ObjectMapper().readTree(extraction.json());

    assertThat(extraction.generated()).isFalse();
    assertThat(fields.path("invoiceNumber").asText()).isEqualTo("INV-2026-0117");
    assertThat(fields.path("vendor").asText()).isEqualTo("ACME Office Supplies GmbH");
    assertThat(fields.path("totalAmount").decimalValue()).isEqualByComparingTo("1234.50");
    assertThat(fields.path("currency").asText()).isEqualTo("EUR");
    assertThat(fields.path("invoiceDate").asText()).isEqualTo("2026-11-02");
  }

  @Test
  void should_leave_out_what_the_document_does_not_say() throws Exception {
    String schema = Files.readString(Path.of("processes/schemas/invoice.json"));
    Extraction extraction =
        MODEL.extract(
            new ModelTask.Extract(
                "Please pay us soon. Kind regards, a vendor", schema, List.of(), CallSite.NONE));
    assertThat(new ObjectMapper().readTree(extraction.json()).size()).isZero();
  }

  @Test
  void should_read_numbers_in_common_notations() {
    assertThat(LocalExtractor.number("EUR 1,234.50")).isEqualByComparingTo("1234.50");
    assertThat(LocalExtractor.number("1.234,50 €")).isEqualByComparingTo("1234.50");
    assertThat(LocalExtractor.number("CHF 1'234.50")).isEqualByComparingTo("1234.50");
    assertThat(LocalExtractor.number("12,5")).isEqualByComparingTo("12.5");
    assertThat(LocalExtractor.number("1,000")).as("1,000 or 1.0?").isNull();
    assertThat(LocalExtractor.number("10.500")).as("10500 or 10.5?").isNull();
    assertThat(LocalExtractor.number("10,500.00")).isEqualByComparingTo("10500");
    assertThat(LocalExtractor.number("10.500,00")).isEqualByComparingTo("10500");
    assertThat(LocalExtractor.number("none")).isNull();
  }
}
