package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its ChromeDriver (packages chromium and chromium-driver), headless. Without them the
 * browser tests are skipped, naming the packages — unless {@code CI=true}, where a missing browser fails them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The rules axe checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA (the accessibility statement says so). */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A browser for Coop at {@code port}, preferring {@code language}; skipped or failed as above when absent. */
    static Browser open(int port, String language) {
        return open(port, language, false);
    }

    /** The same on a phone: a screen 375 CSS pixels wide (Chromium's device emulation). */
    static Browser phone(int port, String language) {
        return open(port, language, true);
    }

    private static Browser open(int port, String language, boolean phone) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String missing = "Chromium and ChromeDriver are not installed (/usr/bin/chromium, /usr/bin/chromedriver):"
                    + " apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + " — CI=true, so the browser tests must run");
            }
            Assumptions.abort("Browser tests skipped. " + missing);
        }
        try {
            Path profile = Files.createTempDirectory("coop-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,1000",
                    "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            // the console's messages, where Chromium reports what the Content-Security-Policy refused
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            if (phone) {
                options.setExperimentalOption(
                        "mobileEmulation",
                        Map.of("deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, "http://127.0.0.1:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Signs in through the sign-in page, as a person would. */
    void signIn(String user) {
        driver.manage().deleteAllCookies();
        go("/login");
        field("username").sendKeys(user);
        field("password").sendKeys(user);
        driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
        waitFor(() -> !driver.getCurrentUrl().contains("/login"));
    }

    WebElement field(String name) {
        return driver.findElement(By.name(name));
    }

    WebElement in(String formId, String name) {
        return driver.findElement(By.id(formId)).findElement(By.name(name));
    }

    /**
     * Presses the button of form {@code formId} that {@code button} selects (CSS; null: the one that sends the form,
     * which has no name) and waits for the next page to be loaded.
     */
    void press(String formId, String button) {
        WebElement form = driver.findElement(By.id(formId));
        WebElement pressed =
                form.findElement(By.cssSelector(button == null ? "button[type=submit]:not([name])" : button));
        long marker = System.nanoTime();
        driver.executeScript("document.body.dataset.marker = arguments[0];", Long.toString(marker));
        pressed.click();
        waitFor(() -> {
            try {
                Object current = driver.executeScript("return document.body.dataset.marker || '';");
                return !Long.toString(marker).equals(current)
                        && "complete".equals(driver.executeScript("return document.readyState;"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        });
    }

    /** Sets a date or date-time field as its picker would: the value the browser submits. */
    void setValue(WebElement field, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", field, value);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits for {@code condition}; when it never holds, says which page the browser was left on. */
    void waitFor(java.util.function.BooleanSupplier condition) {
        try {
            // a page being replaced by the next one leaves its elements stale: ask again
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited 20 s in vain on " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
    }

    /** Saves the whole page (up to 5,000 pixels tall) as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(5000, height + 140)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** The page fits the screen's width: nothing but a table's or the timeline's own region scrolls sideways. */
    void assertFitsTheScreen(String page) {
        Object widths = driver.executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        List<?> measured = (List<?>) widths;
        assertThat(((Number) measured.get(0)).longValue())
                .as(page + " scrolls sideways (page width, screen width: " + measured + ")")
                .isLessThanOrEqualTo(((Number) measured.get(1)).longValue());
    }

    /** axe-core over the page as it is: no WCAG 2.0, 2.1 or 2.2 A or AA violation. */
    void assertAccessible(String page) {
        assertNothingRefusedByThePolicy(page);
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as(page + " has WCAG 2.x A/AA violations:\n"
                        + violations.stream()
                                .map(v -> v.getId() + ": " + v.getHelp() + " — "
                                        + v.getNodes().stream()
                                                .limit(3)
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** Nothing the page loaded or ran was refused by its Content-Security-Policy (issue 28, finding 8). */
    void assertNothingRefusedByThePolicy(String page) {
        List<String> refused = driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
        assertThat(refused)
                .as(page + ": refused by the Content-Security-Policy")
                .isEmpty();
    }

    /**
     * axe over the page at the window's width and again on a phone's screen, 375 CSS pixels wide (Chromium's device
     * emulation over the same page), where nothing may scroll sideways either.
     */
    void assertAccessibleOnDeskAndPhone(String page) {
        assertAccessible(page + ", desktop");
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        try {
            assertFitsTheScreen(page + ", 375 px");
            assertAccessible(page + ", 375 px");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
