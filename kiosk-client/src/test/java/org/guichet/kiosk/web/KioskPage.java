package org.guichet.kiosk.web;

import org.guichet.server.testing.Eventually;
import org.guichet.server.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

/**
 * The kiosk's touch UI in one real headless Chromium kept for a whole test class: the page gets exactly the
 * screen's size, as in Chromium's kiosk mode, and a fake speech engine installed before any page script runs
 * (headless Chromium has no voices) that records every utterance: its text, language and voice.
 */
final class KioskPage implements AutoCloseable {

    static final String FAKE_SPEECH = """
            (() => {
              class FakeUtterance extends EventTarget {
                constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
              }
              const voices = [
                { name: 'Test fr', lang: 'fr-FR', localService: true, default: true },
                { name: 'Test en', lang: 'en-GB', localService: true, default: false },
                { name: 'Test es', lang: 'es-ES', localService: true, default: false }];
              const fake = {
                spoken: [],
                getVoices() { return voices; },
                speak(utterance) {
                  this.spoken.push({ text: utterance.text, lang: utterance.lang,
                                     voice: utterance.voice ? utterance.voice.name : null });
                  setTimeout(() => utterance.dispatchEvent(new Event('end')), 10);
                },
                cancel() {}, pause() {}, resume() {},
                addEventListener() {}, removeEventListener() {}
              };
              Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
              window.SpeechSynthesisUtterance = FakeUtterance;
            })();
            """;

    private final ChromeDriver driver;

    KioskPage(int width, int height) {
        driver = Browser.open(width, height);
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_SPEECH));
            size(width, height);
        } catch (RuntimeException notOpened) {
            driver.quit();
            throw notOpened;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void size(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement waitFor(String css) {
        return Browser.shown(driver, css);
    }

    void waitForText(String css, String text) {
        Eventually.await(css + " reading " + text, () -> text(css), shown -> shown.contains(text));
    }

    String text(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    boolean accessibleMode() {
        return (Boolean) driver.executeScript("return document.documentElement.classList.contains('accessible')");
    }

    void awaitAccessibleMode(boolean on) {
        Eventually.await("accessible mode " + (on ? "on" : "off"), this::accessibleMode, mode -> mode == on);
    }

    /** Everything the fake engine was asked to say, in order: {text, lang, voice}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> spoken() {
        return (List<Map<String, Object>>) driver.executeScript("return window.speechSynthesis.spoken");
    }

    String lastSpoken() {
        List<Map<String, Object>> spoken = spoken();
        return spoken.isEmpty() ? "" : String.valueOf(spoken.get(spoken.size() - 1).get("text"));
    }

    Map<String, Object> awaitSpoken(String what) {
        return Eventually.await("spoken: " + what, () -> spoken().stream()
                .filter(utterance -> String.valueOf(utterance.get("text")).contains(what))
                .reduce((first, second) -> second).orElse(null), Eventually::present);
    }

    void forgetSpoken() {
        driver.executeScript("window.speechSynthesis.spoken.length = 0");
    }

    /** Each visible interactive element as {name, top, bottom, left, right} in CSS pixels. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> interactiveRects() {
        return (List<Map<String, Object>>) driver.executeScript("""
                return [...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex]')]
                  .filter(element => element.offsetParent !== null)
                  .map(element => { const r = element.getBoundingClientRect();
                    return { name: (element.id || element.dataset.entry || element.dataset.lang
                                    || element.textContent.trim()),
                             top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });""");
    }

    /** The computed font size, in CSS pixels, of the smallest visible text on the page. */
    double smallestTextPixels() {
        return ((Number) driver.executeScript("""
                const sizes = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const element = walker.currentNode.parentElement;
                  if (walker.currentNode.textContent.trim() && element.offsetParent !== null
                      && !element.closest('[aria-hidden="true"]')) {
                    sizes.push(parseFloat(getComputedStyle(element).fontSize));
                  }
                }
                return Math.min(...sizes);""")).doubleValue();
    }

    double fontPixels(String css) {
        return ((Number) driver.executeScript("return parseFloat(getComputedStyle(arguments[0]).fontSize)",
                driver.findElement(By.cssSelector(css)))).doubleValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
