package org.guichet.server.web;

import org.guichet.server.testing.Eventually;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver) for page tests. Never downloads a driver; when the
 * browser is missing the test fails with a plain reason (.ci/run installs it).
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots for review are written here by the test run. */
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Browser() {
    }

    public static ChromeDriver open(int width, int height) {
        return open(width, height, new String[0]);
    }

    /** With more Chromium switches, e.g. "--lang=en-US" for a browser whose own language is not the app's. */
    public static ChromeDriver open(int width, int height, String... moreArguments) {
        return open(Map.of(), width, height, moreArguments);
    }

    /** With a time zone of its own (TZ), unlike the sites': pages must count days in the site's zone. */
    public static ChromeDriver openInTimeZone(String zone, int width, int height, String... moreArguments) {
        return open(Map.of("TZ", zone), width, height, moreArguments);
    }

    private static ChromeDriver open(Map<String, String> environment, int width, int height,
                                     String... moreArguments) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver); .ci/run installs them.");
        }
        try {
            Path profile = Files.createTempDirectory("guichet-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            options.addArguments(moreArguments);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(environment)
                    .build();
            try {
                return new ChromeDriverWithProfile(service, options, profile);
            } catch (RuntimeException notStarted) {
                deleteTree(profile);
                throw notStarted;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes its fresh profile when it quits: a run of the suite opens about a thousand. */
    private static final class ChromeDriverWithProfile extends ChromeDriver {

        private final Path profile;

        ChromeDriverWithProfile(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                // Null when the constructor itself quits a browser that failed to start: open() removes it then.
                if (profile != null) {
                    deleteTree(profile);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A file Chromium still held: left to the system's cleaning of /tmp.
        }
    }

    /** The first element the selector matches that is displayed, waited for. */
    public static WebElement shown(WebDriver driver, String css) {
        return Eventually.await(css + " shown", () -> driver.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null), Eventually::present);
    }

    /**
     * Clicks the first displayed element the locator finds, found again when the page redrew it between finding and
     * clicking (a list drawn again once a save is answered): that click did not happen, so it is safe to repeat.
     */
    public static void click(WebDriver driver, By what) {
        Eventually.await(what + " clicked", () -> {
            try {
                WebElement element = driver.findElements(what).stream().filter(WebElement::isDisplayed).findFirst()
                        .orElse(null);
                if (element == null) {
                    return false;
                }
                element.click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        }, Eventually::present);
    }

    public static Waiting waitUpTo(WebDriver driver, Duration timeout) {
        return new Waiting(driver, timeout);
    }

    public record Waiting(WebDriver driver, Duration timeout) {

        public <T> T until(Function<? super WebDriver, T> condition) {
            return Eventually.await(String.valueOf(condition), timeout, () -> condition.apply(driver),
                    Eventually::present);
        }
    }

    /** True once a counter-top screen page has its live connection and has read its counter at least once. */
    public static final String COUNTER_SCREEN_READY = "return !!window.guichetCounterScreen"
            + " && window.guichetCounterScreen.connection === 'open' && window.guichetCounterScreen.syncs > 0";

    /** Whether Chart.js drew a chart on the canvas. */
    public static boolean hasChart(WebDriver driver, String canvasId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !!window.Chart && !!window.Chart.getChart(document.getElementById(arguments[0]));", canvasId));
    }

    /** Pixels of the canvas that are not fully transparent. */
    public static long paintedPixels(WebDriver driver, String canvasId) {
        Object count = ((JavascriptExecutor) driver).executeScript("""
                const canvas = document.getElementById(arguments[0]);
                if (!canvas || !canvas.width || !canvas.height) { return 0; }
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { painted++; } }
                return painted;""", canvasId);
        return ((Number) count).longValue();
    }

    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
