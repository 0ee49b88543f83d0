package org.guichet.server.web.display;

import org.guichet.server.testing.Eventually;
import org.guichet.server.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reading a display page in a real browser: what is on screen, and the page's small state objects. */
final class ScreenPage {

    /**
     * A stand-in for the browser's speech synthesis (headless Chromium has no voices): a French voice whose utterances
     * "last" 400 ms, logging their start and end and counting any utterance started while another is still speaking.
     */
    static final String FAKE_SPEECH = """
            (() => {
              class FakeUtterance extends EventTarget {
                constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
              }
              const fake = {
                log: [], overlaps: 0, active: null,
                getVoices() { return [{ name: 'Test fr', lang: 'fr-FR', localService: true, default: true }]; },
                speak(utterance) {
                  if (this.active) { this.overlaps++; }
                  this.active = utterance;
                  this.log.push({ event: 'start', text: utterance.text, at: performance.now() });
                  setTimeout(() => {
                    this.log.push({ event: 'end', text: utterance.text, at: performance.now() });
                    this.active = null;
                    utterance.dispatchEvent(new Event('end'));
                  }, 400);
                },
                cancel() { this.active = null; }, pause() {}, resume() {},
                addEventListener() {}, removeEventListener() {}
              };
              Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
              window.SpeechSynthesisUtterance = FakeUtterance;
              window.__fakeSpeech = fake;
            })();
            """;

    private final ChromeDriver driver;

    /** Runs a test on a fresh headless Chromium whose page is exactly width x height CSS pixels, then closes it. */
    static void inBrowser(int width, int height, Consumer<ScreenPage> test) {
        inBrowser(Browser.open(width, height), width, height, test);
    }

    /** The same in a browser whose own time zone is {@code zone} (TZ), unlike the sites'. */
    static void inBrowserInZone(String zone, int width, int height, Consumer<ScreenPage> test) {
        inBrowser(Browser.openInTimeZone(zone, width, height), width, height, test);
    }

    private static void inBrowser(ChromeDriver driver, int width, int height, Consumer<ScreenPage> test) {
        try {
            // The window size includes the browser's frame; the screen's page gets exactly width x height.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            test.accept(new ScreenPage(driver));
        } finally {
            driver.quit();
        }
    }

    ScreenPage(ChromeDriver driver) {
        this.driver = driver;
    }

    ChromeDriver driver() {
        return driver;
    }

    void installFakeSpeech() {
        runOnEveryDocument(FAKE_SPEECH);
    }

    /** Runs {@code source} at the start of every document this browser loads, before the page's own scripts. */
    void runOnEveryDocument(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    void open(String url) {
        driver.get(url);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String text(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    boolean connectionMarkShown() {
        return driver.findElement(By.id("connection")).isDisplayed();
    }

    /** Waits until the room screen is connected and has loaded its state over REST. */
    void awaitRoomReady() {
        await(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(script(
                "return !!window.guichetDisplay && window.guichetDisplay.connection === 'open'"
                        + " && window.guichetDisplay.syncs > 0")));
    }

    void awaitCounterReady() {
        await(Duration.ofSeconds(30), d -> Boolean.TRUE.equals(script(Browser.COUNTER_SCREEN_READY)));
    }

    long syncs() {
        return ((Number) script("return window.guichetDisplay.syncs")).longValue();
    }

    /** Asks every 20 ms: the tests also read how soon a call reached the screen. */
    <T> T await(Duration timeout, Function<ChromeDriver, T> condition) {
        return Eventually.await("the screen: " + condition, timeout, Duration.ofMillis(20),
                () -> condition.apply(driver), Eventually::present);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> announcerLog() {
        return (List<Map<String, Object>>) script("return window.guichetAnnouncer.log");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fakeSpeechLog() {
        return (List<Map<String, Object>>) script("return window.__fakeSpeech.log");
    }

    long fakeSpeechOverlaps() {
        return ((Number) script("return window.__fakeSpeech.overlaps")).longValue();
    }
}
