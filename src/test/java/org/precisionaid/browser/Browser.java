package org.precisionaid.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver (no driver download), headless, with a screenshot
 * under target/screenshots/&lt;journey&gt;/ at every step. Set to Chinese unless a journey asks for another language:
 * our officials' browsers are, and the webapps then speak Chinese (docs/i18n).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous: the first load of a webapp on a busy 2-core CI machine is slow. */
    static final Duration WAIT = Duration.ofSeconds(60);

    final WebDriver driver;
    private final String language;
    private final String baseUrl;
    private final Path screenshots;
    private int step;

    /** The language of the journeys' browsers (Simplified Chinese, as our officials set theirs). */
    static final String CHINESE = "zh-CN";

    Browser(String baseUrl, String journey) {
        this(baseUrl, journey, CHINESE);
    }

    /** A browser whose user set it to {@code language} (e.g. "zh-CN"): what navigator.languages tells a page. */
    Browser(String baseUrl, String journey, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser journeys need Debian's Chromium: sudo apt-get install chromium chromium-driver "
                    + "(expects " + CHROMIUM + " and " + CHROMEDRIVER + "). To run the other tests without them: "
                    + "./mvnw verify -DskipBrowser=true");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000");
        this.language = language;
        options.addArguments("--lang=" + language, "--accept-lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.baseUrl = baseUrl;
        this.screenshots = Path.of("target", "screenshots", journey);
        try {
            if (Files.isDirectory(screenshots)) {
                try (var old = Files.list(screenshots)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser is set to Chinese: the webapps' own labels should be Chinese. */
    boolean chinese() {
        return language.startsWith("zh");
    }

        void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForClickable(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    void click(By by) {
        waitForClickable(by);
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    void type(By by, String text) {
        WebElement element = waitFor(by);
        element.clear();
        element.sendKeys(text);
    }

    /** Saves target/screenshots/&lt;journey&gt;/NN-name.png. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
