package org.guichet.server.web.counter;

import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The counter app in one real headless Chromium, driven like an agent would: taps, keys, and what is on screen. */
final class Tablet implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    final ChromeDriver driver;

    private Tablet(ChromeDriver driver) {
        this.driver = driver;
    }

    static Tablet open(TestServer server, int width, int height) {
        Tablet tablet = new Tablet(Browser.open(width, height));
        try {
            tablet.resize(width, height);
            tablet.driver.get(server.baseUrl() + "/counter/");
            return tablet;
        } catch (RuntimeException notOpened) {
            tablet.driver.quit();
            throw notOpened;
        }
    }

    /** Landscape 10-inch tablet. */
    static Tablet open(TestServer server) {
        return open(server, 1280, 800);
    }

    /** The page's viewport becomes exactly width × height CSS pixels, as on the tablet itself. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height + 200));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    void reload() {
        driver.navigate().refresh();
    }

    // ------------------------------------------------------------ getting to the counter

    void logIn(String username) {
        logIn(username, TestServer.AGENT_PASSWORD);
    }

    void logIn(String username, String password) {
        waitForView("login");
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    void choose(String counterId) {
        waitForView("choose");
        driver.findElement(By.id("choose-" + counterId)).click();
        waitForView("counter");
        waitFor("the counter state", () -> !"loading".equals(mode()));
    }

    /** Logs in, picks the counter and opens it: the agent's first minute of the day. */
    void startAt(String username, String counterId) {
        logIn(username);
        choose(counterId);
        tap("btn-open");
        waitForMode("idle");
    }

    // ------------------------------------------------------------ acting

    /** Taps an enabled button, like a finger would. */
    void tap(String buttonId) {
        waitFor("button #" + buttonId + " enabled", () -> {
            try {
                List<WebElement> found = driver.findElements(By.id(buttonId));
                if (found.isEmpty() || !found.get(0).isDisplayed() || !found.get(0).isEnabled()) {
                    return false;
                }
                found.get(0).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false; // the screen was redrawn between finding and tapping: the click did not happen
            }
        });
        waitIdle();
    }

    /**
     * Presses a key once the app takes commands again, as tap() waits for its button to be enabled: the mode can show
     * on screen (a live update read it) while the command's own re-read still holds every command.
     */
    void press(CharSequence key) {
        waitIdle();
        new Actions(driver).sendKeys(key).perform();
        waitIdle();
    }

    void waitIdle() {
        waitFor("no request in flight", () -> "false".equals(body("busy")));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void finishWithOutcome(String outcome) {
        WebElement field = waitFor("the outcome field", () -> {
            List<WebElement> found = driver.findElements(By.id("outcome"));
            return found.isEmpty() ? null : found.get(0);
        });
        field.sendKeys(outcome);
        tap("btn-finish");
    }

    void transfer(String kind, String targetId, String note) {
        tap("btn-transfer");
        WebElement dialog = waitFor("the transfer dialog", () -> {
            WebElement found = driver.findElement(By.id("transfer-dialog"));
            return found.isDisplayed() ? found : null;
        });
        dialog.findElement(By.cssSelector("input[name='transfer-to'][value='" + kind + "']")).click();
        String select = "service".equals(kind) ? "transfer-service" : "transfer-counter";
        new org.openqa.selenium.support.ui.Select(dialog.findElement(By.id(select))).selectByValue(targetId);
        dialog.findElement(By.id("transfer-note")).sendKeys(note);
        dialog.findElement(By.id("transfer-confirm")).click();
        waitIdle();
    }

    /** "Nouveau ticket": a ticket for a visitor already inside. */
    void issueFor(String serviceId, String language, boolean priority) {
        tap("new-ticket");
        WebElement dialog = waitFor("the new-ticket dialog", () -> {
            WebElement found = driver.findElement(By.id("issue-dialog"));
            return found.isDisplayed() ? found : null;
        });
        new org.openqa.selenium.support.ui.Select(dialog.findElement(By.id("issue-service"))).selectByValue(serviceId);
        new org.openqa.selenium.support.ui.Select(dialog.findElement(By.id("issue-language"))).selectByValue(language);
        if (priority) {
            dialog.findElement(By.id("issue-priority")).click();
        }
        dialog.findElement(By.id("issue-confirm")).click();
        waitIdle();
    }

    // ------------------------------------------------------------ reading the screen

    String body(String dataName) {
        return driver.findElement(By.tagName("body")).getDomAttribute("data-" + dataName);
    }

    String view() {
        return body("view");
    }

    String mode() {
        return body("mode");
    }

    String live() {
        return body("live");
    }

    String currentNumber() {
        List<WebElement> found = driver.findElements(By.id("current-number"));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    long currentTicketId() {
        return Long.parseLong(driver.findElement(By.id("current-ticket")).getDomAttribute("data-ticket-id"));
    }

    String text(String elementId) {
        List<WebElement> found = driver.findElements(By.id(elementId));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    /** Read in one script call, so a live redraw of the list can not leave a stale row behind. */
    @SuppressWarnings("unchecked")
    List<String> waitingNumbers() {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#waiting-list .waiting-row')].map(row => row.dataset.number);");
    }

    WebElement waitingRow(String number) {
        return driver.findElement(By.cssSelector("#waiting-list .waiting-row[data-number='" + number + "']"));
    }

    String bannerCode() {
        WebElement banner = driver.findElement(By.id("banner"));
        return banner.isDisplayed() ? banner.getDomAttribute("data-code") : null;
    }

    String bannerText() {
        return driver.findElement(By.id("banner")).getText();
    }

    String storage(String key) {
        return (String) script("return localStorage.getItem(arguments[0]);", key);
    }

    // ------------------------------------------------------------ waiting

    void waitForView(String view) {
        waitFor("view " + view, () -> view.equals(view()));
    }

    void waitForMode(String mode) {
        waitFor("mode " + mode + " (now " + mode() + ", banner: " + bannerText() + ")", () -> mode.equals(mode()));
    }

    void waitForBanner(String code) {
        waitFor("message " + code, () -> code.equals(bannerCode()));
    }

    void waitForWaiting(String number) {
        waitFor("ticket " + number + " in the waiting list", () -> waitingNumbers().contains(number));
    }

    <T> T waitFor(String what, Supplier<T> condition) {
        return Eventually.await(what, PATIENCE, condition, Eventually::present);
    }

    Path screenshot(String name) {
        return Browser.screenshot(driver, name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
