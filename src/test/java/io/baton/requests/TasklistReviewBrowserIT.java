package io.baton.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.baton.support.EngineIT;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reviewer works a review task in the real Camunda Tasklist, in headless Chromium (Debian's
 * chromium and chromium-driver, which .ci/run installs): sees the AI's answer in the form, edits
 * the reply, approves, and the process sends the reply as approved.
 */
@EngineIT
class TasklistReviewBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  @BeforeAll
  static void startChromium() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser test skipped: Chromium is not installed here"
            + " (apt-get install chromium chromium-driver; .ci/run does this)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1600",
        "--user-data-dir=" + Files.createTempDirectory("baton-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void reviewer_edits_the_reply_and_approves_in_tasklist() throws IOException {
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            "customer-request",
            Map.of(
                "message",
                    "The coffee machine I bought leaks water everywhere, this is unacceptable.",
                "customerId", "C-2001"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("review-ai-suggestion"));
    String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    logInAsReviewer(wait);

    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));

    WebElement aiIntent =
        wait.until(ExpectedConditions.visibilityOfElementLocated(field("AI intent")));
    assertThat(aiIntent.getAttribute("value")).isEqualTo("COMPLAINT");
    assertThat(browser.findElement(field("Routing decision")).getAttribute("value"))
        .isEqualTo("SUGGEST");
    assertThat(browser.findElement(field("Why the AI chose it")).getAttribute("value"))
        .contains("Closest examples");
    assertThat(browser.getPageSource()).contains("the AI's draft, unchanged");

    WebElement reply = browser.findElement(field("Reply to the customer"));
    String edited = "Hello C-2001, we are sorry: a replacement machine is on its way to you.";
    reply.clear();
    reply.sendKeys(edited);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("body"), "You changed the AI's draft"));
    click(By.xpath("//label[contains(., \"Approve the AI's intent\")]"));
    screenshot("tasklist-review-form.png");

    click(By.xpath("//button[normalize-space()='Complete']"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runtime.getActiveActivityIds(pi.getId()).contains("send-reply"));
    Job send = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    management.executeJob(send.getId());

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(
            jdbc.queryForList(
                "SELECT reply_text FROM baton_reply_outbox WHERE process_instance_id = ?",
                String.class,
                pi.getId()))
        .containsExactly(edited);
  }

  @Test
  void reviewer_corrects_an_extracted_field_and_approves_a_document_in_tasklist()
      throws IOException {
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

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    logInAsReviewer(wait);
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));

    WebElement vendor = wait.until(ExpectedConditions.visibilityOfElementLocated(field("Vendor")));
    assertThat(vendor.getAttribute("value")).isEqualTo("Paper & Co");
    assertThat(browser.findElement(field("Invoice number")).getAttribute("value"))
        .isEqualTo("INV-5150");
    assertThat(browser.findElement(field("Validator verdict")).getAttribute("value"))
        .isEqualTo("PASS");
    assertThat(browser.findElement(field("Policy that applies")).getAttribute("value"))
        .isNotBlank();
    assertThat(browser.findElement(field("Why the AI thinks so")).getAttribute("value"))
        .contains("Closest examples");
    assertThat(browser.findElement(field("Why it was routed here")).getAttribute("value"))
        .contains("10,000");

    vendor.clear();
    vendor.sendKeys("Paper and Company Ltd");
    click(By.xpath("//label[normalize-space()='Approve']"));
    screenshot("tasklist-document-review-form.png");
    click(By.xpath("//button[normalize-space()='Complete']"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("vendor")
                .singleResult()
                .getValue())
        .isEqualTo("Paper and Company Ltd");
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("accepted-after-review")
                .count())
        .isOne();
  }

  private void logInAsReviewer(WebDriverWait wait) {
    browser.get(base() + "/camunda/app/tasklist/default/");
    wait.until(
        ExpectedConditions.or(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")),
            ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Start process"))));
    if (!browser.findElements(By.cssSelector("input[type=password]")).isEmpty()) {
      browser.findElement(By.cssSelector("input[type=text]")).sendKeys("reviewer");
      browser.findElement(By.cssSelector("input[type=password]")).sendKeys("reviewer");
      browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Start process")));
  }

  /** Clicks an element after scrolling it clear of Tasklist's fixed footer. */
  private static void click(By locator) {
    WebElement element = browser.findElement(locator);
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** The input of a Camunda Form field, found by its label as a reviewer reads it. */
  private static By field(String label) {
    return By.xpath(
        "//label[starts-with(normalize-space(), '"
            + label
            + "')]/following::*[self::input or self::textarea][1]");
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
