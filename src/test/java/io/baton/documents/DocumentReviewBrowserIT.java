package io.baton.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.connectors.labels.LabelSetCatalog;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.support.EngineIT;
import io.baton.support.TasklistBrowser;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reviewer works a document review in the generic review form, in the real Camunda Tasklist in
 * headless Chromium: the remote model (the simulator) names a vendor the document does not, the
 * validator says so, the reviewer corrects the vendor beside the AI's value, sees the note that it
 * changed, finds the label set's labels offered for a corrected risk, and approves.
 */
@EngineIT
class DocumentReviewBrowserIT {

  private static final OpenAiSimulator SIMULATOR =
      new OpenAiSimulator().requireApiKey("sim-key").start();
  private static TasklistBrowser browser;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired LabelSetCatalog labelSets;

  @DynamicPropertySource
  static void remoteModel(DynamicPropertyRegistry registry) {
    registry.add("baton.models.smart.provider", () -> "openai");
    registry.add("baton.models.smart.model-name", () -> "sim-large");
    registry.add("baton.models.smart.endpoint", SIMULATOR::baseUrl);
    registry.add("baton.models.smart.api-key", () -> "sim-key");
  }

  @BeforeAll
  static void startChromium() throws IOException {
    browser = TasklistBrowser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    SIMULATOR.close();
  }

  @Test
  void reviewer_corrects_an_invented_vendor_and_approves_in_tasklist() throws IOException {
    SIMULATOR
        .when(Match.userContains("JSON schema"))
        .replyJson(
            "{\"invoiceNumber\":\"INV-5150\",\"vendor\":\"Paper & Co Holdings\","
                + "\"totalAmount\":18500.0,\"currency\":\"EUR\"}");
    SIMULATOR
        .when(Match.userContains("Labels, each with example texts"))
        .replyJson(
            "{\"label\":\"LOW\",\"confidence\":0.93,\"rationale\":\"A routine stationery invoice.\"}");
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "document-intake",
            Map.of(
                "documentText",
                """
                Invoice No.: INV-5150
                Supplier: Paper & Co
                Total due: EUR 18,500.00
                Currency: EUR
                Monthly invoice for office supplies from our regular stationery vendor.
                """));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("review-document"));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

    browser.logIn(base(), "reviewer");
    browser.claim(base(), taskId);

    assertThat(browser.exactField("Vendor (AI)").getAttribute("value"))
        .isEqualTo("Paper & Co Holdings");
    WebElement vendor = browser.exactField("Vendor");
    assertThat(vendor.getAttribute("value")).isEqualTo("Paper & Co Holdings");
    assertThat(browser.exactField("Invoice number (AI)").getAttribute("value"))
        .isEqualTo("INV-5150");
    assertThat(browser.exactField("Total amount").getAttribute("value")).isEqualTo("18500");
    assertThat(browser.field("Document text").getAttribute("value"))
        .contains("Supplier: Paper & Co");
    assertThat(browser.exactField("Validator's verdict").getAttribute("value")).isEqualTo("FAIL");
    assertThat(browser.bodyText())
        .contains("'vendor' is Paper & Co Holdings, which is not in the source text")
        .doesNotContain("Changed from the AI's value");
    assertThat(browser.exactField("Why it was routed here").getAttribute("value"))
        .isNotBlank()
        .isEqualTo(runtime.getVariable(pi.getId(), "routeReason"));

    vendor.clear();
    vendor.sendKeys("Paper & Co");
    browser.awaitText("Changed from the AI's value");
    browser.screenshot("tasklist-document-review-form.png");

    browser.click(By.xpath("//label[normalize-space()='Change the label']"));
    browser.click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
    assertThat(browser.texts(By.cssSelector(".fjs-dropdownlist-item")))
        .as("the options for a corrected risk are the labels of the document-risk label set")
        .containsExactlyElementsOf(
            labelSets.get("document-risk").labels().stream()
                .map(label -> label.name() + " — " + label.description())
                .toList());
    browser.click(By.xpath("//label[normalize-space()='Approve']"));
    browser.click(By.xpath("//button[normalize-space()='Complete']"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("second-approval"));
    // above the 10,000 limit: another person confirms what the reviewer approved
    String second = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    tasks.setAssignee(second, "supervisor");
    tasks.complete(second, Map.of("reviewDecision", "APPROVE"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
    assertThat(historic(pi, "vendor")).isEqualTo("Paper & Co");
    assertThat(historic(pi, "totalAmount"))
        .as("an unchanged number stays a number")
        .isEqualTo(18500.0);
    assertThat(historic(pi, "reviewDecision")).isEqualTo("APPROVE");
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("accepted-after-review")
                .count())
        .isOne();
  }

  private Object historic(ProcessInstance pi, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
