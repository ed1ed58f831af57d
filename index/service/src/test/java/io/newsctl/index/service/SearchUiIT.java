package io.newsctl.index.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): type a query, click a facet and see the results narrow, open an
 * article with its entities and figures. Fails — never skips — when Chromium is missing.
 */
@ExtendWith(NewsServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchUiIT {
    static final Path CHROMIUM = Path.of(System.getProperty("newsctl.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("newsctl.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SearchService service;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void start(ServerEndpoints servers) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the UI test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        service = SearchService.start(servers, "ui-it", 120);
        profile = Files.createTempDirectory("newsctl-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void searchNarrowByAFacetAndOpenAnArticle() {
        browser.get(service.url("/"));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> !d.findElements(By.cssSelector("#results .hit")).isEmpty());

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("英伟达");
        browser.findElement(By.id("go")).click();
        wait.until(d -> d.getCurrentUrl().contains("q=") && summaryTotal(d) > 0
                && d.findElements(By.cssSelector("#results .hit em")).size() > 0);
        long before = summaryTotal(browser);
        assertTrue(browser.findElement(By.id("results")).getText().contains("英伟达"));

        WebElement chip = browser.findElement(By.cssSelector(".facet-value[data-facet='chips']"));
        String chipName = chip.getAttribute("data-value");
        long chipCount = Long.parseLong(chip.findElement(By.className("count")).getText());
        chip.click();
        wait.until(d -> summaryTotal(d) == chipCount);
        assertTrue(chipCount <= before, chipCount + " ≤ " + before);
        assertTrue(browser.findElement(By.id("active")).getText().contains(chipName));
        List<WebElement> hits = browser.findElements(By.cssSelector("#results .hit"));
        assertFalse(hits.isEmpty());
        for (WebElement hit : hits) {
            assertTrue(hit.findElement(By.className("entities")).getText().contains(chipName), hit.getText());
        }

        WebElement first = hits.get(0).findElement(By.className("title-link"));
        String title = first.getText();
        first.click();
        wait.until(d -> d.findElement(By.id("article")).isDisplayed()
                && !d.findElements(By.cssSelector("#figures tbody tr")).isEmpty()
                && !d.findElements(By.cssSelector("#related li")).isEmpty());
        assertEquals(title, browser.findElement(By.id("article-title")).getText());
        screenshot("target/ui-article.png"); // for a person to look at; not asserted
        String entities = browser.findElement(By.id("entities")).getText();
        assertTrue(entities.contains(chipName) && entities.contains("英伟达"), entities);
        assertFalse(browser.findElement(By.id("article-body")).getText().contains("\u200A"));
    }

    @Test
    void aBadFigureFilterShowsTheServersMessage() {
        browser.get(service.url("/?figure=" + SearchService.enc("营收>>1")));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.id("error")).isDisplayed());
        assertTrue(browser.findElement(By.id("error")).getText().contains("营收>>1"));
    }

    private void screenshot(String path) {
        try {
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(Path.of(path), png);
        } catch (Exception e) {
            // a missing screenshot is no test failure
        }
    }

    private static long summaryTotal(WebDriver d) {
        String text = d.findElement(By.id("summary")).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("找到 (\\d+) 篇").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
