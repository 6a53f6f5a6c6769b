package dev.kindling.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page of {@code kindling serve} (the jar, as a process) in Debian's headless Chromium driven
 * by Selenium: type a config with a typo, see the marker on its line with the did-you-mean hint,
 * download the SARIF report, fix the typo, see the findings clear, render the plan with metadata.
 * Screenshots go to {@code target/serve-browser/}. Skips, saying why, where Debian's {@code
 * chromium} and {@code chromium-driver} are not installed (scripts/test-all.sh installs them).
 */
class ServePageBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path ARTIFACTS = Path.of("target", "serve-browser");

  /** Records every Content-Security-Policy violation from the first script on. */
  private static final String CSP_PROBE =
      "window.__csp = []; document.addEventListener('securitypolicyviolation',"
          + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

  private static ServeProcess server;
  private static ChromeDriver driver;
  @TempDir static Path temp;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: Debian's chromium and chromium-driver are not installed"
            + " (apt-get install chromium chromium-driver; scripts/test-all.sh does)");
    Files.createDirectories(ARTIFACTS);
    server = ServeProcess.start("--listen", "127.0.0.1:0");
    Path profile = Files.createDirectory(temp.resolve("profile"));
    Path downloads = Files.createDirectory(temp.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,860",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_PROBE));
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Waits up to 20 s; the page replaces its lists on every answer, so stale elements retry. */
  private static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static void screenshot(String name) throws Exception {
    Files.write(ARTIFACTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  private static void summaryIs(int errors, int warnings, int infos) {
    By summary =
        By.cssSelector(
            "#summary[data-errors='"
                + errors
                + "'][data-warnings='"
                + warnings
                + "'][data-infos='"
                + infos
                + "']");
    waiting().until(ExpectedConditions.presenceOfElementLocated(summary));
    waiting().until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "done"));
  }

  @Test
  void typo_markedOnItsLine_sarifDownloaded_fixClearsIt_planRendered() throws Exception {
    Path downloads = temp.resolve("downloads");
    driver.get(server.url().toString());
    WebElement content =
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cm-content")));
    summaryIs(0, 0, 0);

    content.click();
    content.sendKeys("#cloud-config\nhostname: node1\nmanage_etc_hots: localhost\n");
    summaryIs(0, 1, 0);
    screenshot("typo.png");

    // The warning is underlined on line 3, on the misspelt key, with a gutter marker on line 3.
    WebElement range = driver.findElement(By.cssSelector(".cm-lintRange-warning"));
    assertThat(range.getText()).isEqualTo("manage_etc_hots");
    List<WebElement> lines = driver.findElements(By.cssSelector(".cm-content .cm-line"));
    assertThat(lines.get(2).getText()).isEqualTo("manage_etc_hots: localhost");
    assertThat(lines.get(2).findElements(By.cssSelector(".cm-lintRange-warning"))).hasSize(1);
    WebElement marker = driver.findElement(By.cssSelector(".cm-lint-marker-warning"));
    WebElement lineNumber =
        driver.findElements(By.cssSelector(".cm-lineNumbers .cm-gutterElement")).stream()
            .filter(e -> e.getText().equals("3"))
            .findFirst()
            .orElseThrow();
    assertThat(marker.getRect().getY() + marker.getRect().getHeight() / 2)
        .isBetween(
            lineNumber.getRect().getY(),
            lineNumber.getRect().getY() + lineNumber.getRect().getHeight());

    WebElement finding =
        driver.findElement(By.cssSelector("#findings li.finding.warning[data-line='3']"));
    assertThat(finding.getAttribute("data-code")).isEqualTo("unknown-key");
    assertThat(finding.getText())
        .contains("unrecognized key \"manage_etc_hots\"")
        .contains("hint: did you mean \"manage_etc_hosts\"?");
    assertThat(finding.findElement(By.cssSelector("a.code")).getAttribute("href"))
        .isEqualTo(server.url().resolve("/docs/codes#unknown-key").toString());
    assertThat(driver.findElement(By.id("type")).getText()).isEqualTo("cloud-config");

    driver.findElement(By.id("download-sarif")).click();
    Path sarif = downloads.resolve("kindling.sarif");
    waiting().until(d -> Files.exists(sarif) && sarifComplete(sarif));
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode result = log.at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("unknown-key");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);

    // Clicking the finding selects the misspelt key; typing replaces it.
    finding.findElement(By.cssSelector(".msg")).click();
    driver.switchTo().activeElement().sendKeys("manage_etc_hosts");
    summaryIs(0, 0, 0);
    assertThat(lines(driver))
        .containsExactly("#cloud-config", "hostname: node1", "manage_etc_hosts: localhost", "");
    assertThat(driver.findElements(By.cssSelector(".cm-lintRange"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#findings li"))).isEmpty();
    assertThat(driver.findElement(By.id("clean")).isDisplayed()).isTrue();
    screenshot("fixed.png");

    driver.findElement(By.id("tab-plan")).click();
    driver.findElement(By.id("metadata")).sendKeys("{\"privateIPv4\": \"10.0.0.5\"}");
    waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("#plan li.action")).stream()
                    .anyMatch(e -> e.getText().startsWith("write-file path=/run/metadata/")));
    assertThat(driver.findElement(By.id("plan")).getText())
        .startsWith("set-hostname hostname=node1\n")
        .contains("write-etc-hosts path=/etc/hosts hostname=node1");
    screenshot("plan.png");

    Object violations = ((JavascriptExecutor) driver).executeScript("return window.__csp;");
    assertThat((List<?>) violations).as("Content-Security-Policy violations").isEmpty();
    assertThat(server.err())
        .as("the request log holds no user data")
        .doesNotContain("node1")
        .doesNotContain("manage_etc")
        .doesNotContain("10.0.0.5")
        .contains("POST /v1/validate 200")
        .contains("POST /v1/render 200");
  }

  @Test
  void gzipFile_opened_isShownDecompressedAndChecked() throws Exception {
    Path file = temp.resolve("user-data.gz");
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      gzip.write("#cloud-config\nhostname: node1\nssh_authorized_key: []\n".getBytes(UTF_8));
    }
    driver.get(server.url().toString());
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cm-content")));
    driver.findElement(By.id("file")).sendKeys(file.toString());
    summaryIs(0, 1, 0);
    assertThat(driver.findElement(By.id("type")).getText()).isEqualTo("gzip → cloud-config");
    assertThat(lines(driver)).startsWith("#cloud-config", "hostname: node1");
    assertThat(driver.findElement(By.cssSelector("#findings li.finding")).getAttribute("data-line"))
        .isEqualTo("3");
  }

  @Test
  void codeLink_opensTheCodesExplanationOffline() {
    driver.get(server.url().resolve("/docs/codes#unknown-key").toString());
    WebElement section = driver.findElement(By.id("unknown-key"));
    assertThat(section.getText())
        .contains("unknown-key")
        .contains(dev.kindling.config.Code.UNKNOWN_KEY.summary())
        .contains("Fix:");
  }

  private static List<String> lines(org.openqa.selenium.WebDriver d) {
    return d.findElements(By.cssSelector(".cm-content .cm-line")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static boolean sarifComplete(Path file) {
    try {
      new ObjectMapper().readTree(file.toFile());
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
