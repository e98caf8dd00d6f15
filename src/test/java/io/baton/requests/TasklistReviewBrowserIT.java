package io.baton.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.baton.connectors.email.MailDelivery;
import io.baton.documents.DocumentIntakeLocalChecks;
import io.baton.support.DeliveredMail;
import io.baton.support.EngineIT;
import io.baton.support.TasklistBrowser;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reviewer works a review task in the real Camunda Tasklist, in headless Chromium: sees the AI's
 * answer in the form, edits the reply, approves, and the process sends the reply as approved.
 */
@EngineIT
class TasklistReviewBrowserIT {

  private static TasklistBrowser browser;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired MailDelivery mail;

  /** Without Chromium only the browser test skips; the nested checks still run. */
  @BeforeAll
  static void startChromium() throws IOException {
    browser = TasklistBrowser.installed() ? TasklistBrowser.start() : null;
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void reviewer_edits_the_reply_and_approves_in_tasklist() throws IOException {
    assumeTrue(browser != null, TasklistBrowser.NOT_INSTALLED);
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "customer-request",
            Map.of(
                "message",
                    "The coffee machine I bought leaks water everywhere, this is unacceptable.",
                "customerId", "C-2001",
                "customerEmail", "c2001@customers.example"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("review-ai-suggestion"));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

    browser.logIn(base(), "reviewer");
    browser.claim(base(), taskId);

    assertThat(browser.exactField("Final intent (AI)").getAttribute("value"))
        .isEqualTo("COMPLAINT");
    assertThat(browser.exactField("Route").getAttribute("value")).isEqualTo("SUGGEST");
    assertThat(browser.field("Why the AI thinks so").getAttribute("value"))
        .contains("Closest examples");
    assertThat(browser.field("What runs if you approve").getAttribute("value"))
        .as("the exact action the approval covers")
        .contains("Send reply")
        .contains("customerId: C-2001");
    assertThat(browser.bodyText()).doesNotContain("Changed from the AI's value");

    WebElement reply = browser.exactField("Reply");
    String edited = "Hello C-2001, we are sorry: a replacement machine is on its way to you.";
    reply.clear();
    reply.sendKeys(edited);
    browser.awaitText("Changed from the AI's value");
    browser.click(By.xpath("//label[normalize-space()='Approve']"));
    browser.screenshot("tasklist-review-form.png");

    browser.click(By.xpath("//button[normalize-space()='Complete']"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("send-reply"));
    Job send = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    management.executeJob(send.getId());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);

    assertThat(DeliveredMail.texts(mail, pi)).containsExactly(edited);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** The embedded default reads a document too: same application, no start of its own. */
  @Nested
  class DocumentIntakeOffline extends DocumentIntakeLocalChecks {}
}
