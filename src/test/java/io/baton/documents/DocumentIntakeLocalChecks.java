package io.baton.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * document-intake on the embedded default: H2 and the offline local model, no network. Runs in the
 * embedded default's application of {@code TasklistReviewBrowserIT}, to save a start of its own.
 */
public abstract class DocumentIntakeLocalChecks {

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @Test
  public void should_read_validate_and_route_a_labelled_invoice_offline() {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "document-intake",
            Map.of(
                "documentText",
                """
                Invoice No.: INV-42
                Supplier: Paper & Co
                Total due: EUR 18,500.00
                Currency: EUR
                Monthly invoice for office supplies from our regular stationery vendor.
                """));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 1
                    && runtime.getActiveActivityIds(pi.getId()).contains("review-document"));

    assertThat(runtime.getVariable(pi.getId(), "invoiceNumber")).isEqualTo("INV-42");
    assertThat(runtime.getVariable(pi.getId(), "vendor")).isEqualTo("Paper & Co");
    assertThat(runtime.getVariable(pi.getId(), "totalAmount")).isEqualTo(18500.0);
    assertThat(runtime.getVariable(pi.getId(), "extractGenerated")).isEqualTo(false);
    assertThat(runtime.getVariable(pi.getId(), "validationVerdict")).isEqualTo("PASS");
    assertThat(runtime.getVariable(pi.getId(), "routeReason")).asString().contains("10,000");
    assertThat((String) runtime.getVariable(pi.getId(), "policyExcerpt")).isNotBlank();
    assertThat(
            jdbc.queryForList(
                "SELECT model FROM baton_model_call WHERE process_instance_id = ? ORDER BY id",
                String.class,
                pi.getId()))
        .as("extraction and risk classification are audited")
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("risk")
                .list()
                .stream()
                .map(HistoricVariableInstance::getValue)
                .findFirst())
        .hasValueSatisfying(risk -> assertThat(risk).isIn("LOW", "MEDIUM", "HIGH"));
  }
}
