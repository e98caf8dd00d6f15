package io.baton.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.connectors.extract.SchemaCatalog;
import io.baton.requests.CustomerRequestRules;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

class ProcessToolTest {

  private static final SchemaCatalog SCHEMAS = new SchemaCatalog("file:processes/schemas/*.json");

  private static ProcessTool customerRequest() {
    Process process =
        Bpmn.readModelFromFile(Path.of("processes/customer-request.bpmn").toFile())
            .getModelElementById("customer-request");
    return ProcessTool.declaredBy(process, SCHEMAS).orElseThrow();
  }

  @Test
  void should_read_the_tool_customer_request_declares() {
    ProcessTool tool = customerRequest();

    assertThat(tool.name()).isEqualTo("customer-request");
    assertThat(tool.processKey()).isEqualTo("customer-request");
    assertThat(tool.resultVariables()).contains("reply", "finalIntent", "reviewDecision");
    assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
  }

  @Test
  void should_find_its_schema_in_agreement_with_the_start_rules() {
    StartSchemaAgreement.check(customerRequest(), new CustomerRequestRules());
  }

  @Test
  void should_refuse_a_schema_that_describes_other_variables_than_the_start_rules() {
    ProcessTool tool = customerRequest();
    Map<String, Object> properties = new HashMap<>(tool.property("message"));
    Map<String, Object> schema = new HashMap<>(tool.inputSchema());
    schema.put("properties", Map.of("message", properties, "priority", Map.of("type", "string")));
    schema.put("required", List.of("message"));
    ProcessTool drifted =
        new ProcessTool(tool.name(), tool.description(), tool.processKey(), schema, List.of());

    assertThatThrownBy(() -> StartSchemaAgreement.check(drifted, new CustomerRequestRules()))
        .hasMessageContaining("MCP tool 'customer-request' disagrees with the start rules")
        .hasMessageContaining("[message, priority]")
        .hasMessageContaining("it requires [message], the start rules [customerId, message]");
  }

  @Test
  void should_type_numbers_as_the_schema_does() {
    Map<String, Object> variables =
        customerRequest().startVariables(Map.of("customerId", "C-1", "amount", 12));

    assertThat(variables).containsEntry("amount", 12.0).containsEntry("customerId", "C-1");
  }
}
