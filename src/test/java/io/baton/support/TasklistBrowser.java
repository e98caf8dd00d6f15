package io.baton.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real Camunda Tasklist in headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs), driven as a reviewer works it: log in, open a task, claim it, read and fill
 * the Camunda Form by its labels.
 */
public final class TasklistBrowser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver browser;
  private final WebDriverWait wait;

  private TasklistBrowser(ChromeDriver browser) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** Why a browser test was skipped. */
  public static final String NOT_INSTALLED =
      "browser test skipped: Chromium is not installed here"
          + " (apt-get install chromium chromium-driver; .ci/run does this)";

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts Chromium; skips the calling test class where Chromium is not installed. */
  public static TasklistBrowser start() throws IOException {
    assumeTrue(installed(), NOT_INSTALLED);
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
    return new TasklistBrowser(new ChromeDriver(service, options));
  }

  @Override
  public void close() {
    browser.quit();
  }

  public WebDriverWait await() {
    return wait;
  }

  /** Logs in as the demo user of that name (its password is its name), unless logged in. */
  public void logIn(String base, String user) {
    browser.get(base + "/camunda/app/tasklist/default/");
    wait.until(
        ExpectedConditions.or(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")),
            ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Start process"))));
    if (!browser.findElements(By.cssSelector("input[type=password]")).isEmpty()) {
      browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
      browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
      browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Start process")));
  }

  /**
   * Logs in on the Camunda Welcome page as the demo user of that name: every user may log in there,
   * also those without Cockpit or Tasklist, and the login holds for Baton's own pages too.
   */
  public void logInToWelcome(String base, String user) {
    browser.get(base + "/camunda/app/welcome/default/");
    By password = By.cssSelector("input[type=password]");
    wait.until(ExpectedConditions.visibilityOfElementLocated(password));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    browser.findElement(password).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(password));
  }

  /** Ends every login of this browser by forgetting its cookies. */
  public void forgetLogins() {
    browser.manage().deleteAllCookies();
  }

  /** Replaces the text of the input, once visible. */
  public void type(By input, String text) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(input));
    field.clear();
    field.sendKeys(text);
  }

  public void open(String url) {
    browser.get(url);
  }

  /** How many elements the locator finds now. */
  public int count(By locator) {
    return browser.findElements(locator).size();
  }

  /** Opens the task in Tasklist and claims it, which shows its form. */
  public void claim(String base, String taskId) {
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  /** The input of the first form field whose label starts with this text, once visible. */
  public WebElement field(String label) {
    return input("starts-with(normalize-space(), \"" + label + "\")");
  }

  /** The input of the form field with exactly this label, once visible. */
  public WebElement exactField(String label) {
    return input("normalize-space()=\"" + label + "\"");
  }

  private WebElement input(String labelCondition) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath(
                "//label[" + labelCondition + "]/following::*[self::input or self::textarea][1]")));
  }

  /** The visible texts of the elements found, in page order. */
  public List<String> texts(By locator) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    return browser.findElements(locator).stream().map(WebElement::getText).toList();
  }

  public String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  public void awaitText(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
  }

  /** Clicks an element after scrolling it clear of Tasklist's fixed footer. */
  public void click(By locator) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  public void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
