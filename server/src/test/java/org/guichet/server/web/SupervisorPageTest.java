package org.guichet.server.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * The supervisor app in real headless Chromium against a real server: log in, the live view of site s1 follows a call
 * through the event-bus bridge and shows an alert the moment a wait passes its target, and the statistics view draws
 * its charts. Screenshots go to target/screenshots.
 */
class SupervisorPageTest {

    private static final MutableClock clock = MutableClock.withinTheDayInParis();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);
    private static ChromeDriver driver;
    private static String agent1;
    private static String agent2;
    private static String kiosk;

    @BeforeAll
    static void setUp() {
        server.agent("sup.web", "supervisor", "s1");
        agent1 = server.agentAtCounter("web.agent1", "s1", "c1");
        agent2 = server.agentAtCounter("web.agent2", "s1", "c2");
        server.agentAtCounter("web.agent3", "s1", "c3");
        kiosk = server.deviceToken("kiosk-1");
        // A morning of visitors: served, one absent, some still waiting.
        for (int i = 0; i < 6; i++) {
            long ticket = server.issue(kiosk, i % 3 == 2 ? "svc-b" : "svc-a").getLong("id");
            clock.advance(Duration.ofMinutes(3 + i));
            ok(server.post("/api/v1/tickets/" + ticket + "/call", agent1, new JsonObject().put("counterId", "c1")));
            clock.advance(Duration.ofSeconds(40));
            if (i == 4) {
                ok(server.post("/api/v1/tickets/" + ticket + "/no-show", agent1, null));
                continue;
            }
            ok(server.post("/api/v1/tickets/" + ticket + "/start", agent1, null));
            clock.advance(Duration.ofMinutes(4 + i % 3));
            ok(server.post("/api/v1/tickets/" + ticket + "/finish", agent1, null));
        }
        server.issue(kiosk, "svc-a");
        server.issue(kiosk, "svc-b");
        server.issue(kiosk, "svc-c");
        // Every device of the site has reported (one that never connected is an alert of its own).
        for (String screen : List.of("screen-1", "screen-1b", "cscreen-1")) {
            server.post("/api/v1/devices/heartbeat", server.deviceToken(screen),
                    new JsonObject().put("kind", screen.startsWith("c") ? "counter_screen" : "screen")
                            .put("connected", true));
        }
        server.post("/api/v1/devices/heartbeat", kiosk, new JsonObject().put("kind", "kiosk").put("state", "READY")
                .put("printer", new JsonObject().put("canPrint", true).put("conditions", new JsonArray(List.of("ONLINE")))));
        driver = Browser.open(1440, 1500);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        server.close();
    }

    /** Lists are redrawn as live messages arrive: an element read during a redraw is simply read again. */
    private static Browser.Waiting waitUpTo(int seconds) {
        return Browser.waitUpTo(driver, Duration.ofSeconds(seconds));
    }

    /** Read again when a live redraw replaced the element between finding it and reading it. */
    private static String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.cssSelector(css)).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    @Test
    void live_view_follows_calls_and_alerts_then_statistics_draw_charts() {
        driver.get(server.baseUrl() + "/supervisor/");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        driver.findElement(By.id("username")).sendKeys("sup.web");
        driver.findElement(By.id("password")).sendKeys("wrong password");
        driver.findElement(By.cssSelector("#login-form button")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("login-error"), "Identifiant ou mot de passe incorrect."));
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button")).click();

        // Live view: counters, queues, today's figures, no alert yet; the event bus is connected.
        waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.id("counters"), "Guichet 1"));
        waitUpTo(15).until(d -> "open".equals(d.findElement(By.id("bus-state")).getAttribute("data-state")));
        assertThat(text("#counters [data-counter-id='c2']")).contains("Ouvert", "web.agent2", "Libre");
        assertThat(text("#alerts")).contains("Aucune alerte");
        assertThat(text("#today-kpis")).contains("Tickets émis").contains("9");
        assertThat(text("#queues")).contains("Service A", "Service B", "Service C");

        // A call at counter 2 shows at once (the page only polls every 30 s: this comes through the bridge).
        JsonObject waiting = server.get("/api/v1/counters/c2/waiting", agent2).bodyAsJsonArray().getJsonObject(0);
        ok(server.post("/api/v1/tickets/" + waiting.getLong("id") + "/call", agent2,
                new JsonObject().put("counterId", "c2")));
        waitUpTo(5).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#counters [data-counter-id='c2']"), waiting.getString("number") + " appelé depuis"));

        // Service B (target 10 min) passes its target, and the kiosk runs out of paper: both alerts appear at once.
        clock.advance(Duration.ofMinutes(11));
        server.post("/api/v1/devices/heartbeat", kiosk, new JsonObject().put("kind", "kiosk").put("state", "READY")
                .put("printer", new JsonObject().put("canPrint", true)
                        .put("conditions", new JsonArray(List.of("ONLINE", "PAPER_NEAR_END")))));
        server.post("/api/v1/devices/heartbeat", server.deviceToken("screen-1"),
                new JsonObject().put("kind", "screen").put("connected", true));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li[data-key='wait:svc-b']")));
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li[data-key='printer:kiosk-1']")));
        waitUpTo(10).until(d -> text("#alerts li[data-key='wait:svc-b']").contains("Service B")
                && text("#alerts li[data-key='wait:svc-b']").contains("objectif 10 min"));
        waitUpTo(10).until(d -> text("#alerts li[data-key='printer:kiosk-1']").contains("Borne 1")
                && text("#alerts li[data-key='printer:kiosk-1']").contains("papier presque épuisé"));
        waitUpTo(5).until(d -> d.findElement(By.cssSelector("#queues tr.over")).getText().contains("Service B"));
        waitUpTo(10).until(d -> d.findElement(By.id("devices")).getText().contains("papier presque épuisé"));
        Browser.screenshot(driver, "supervisor-live");

        // Statistics: figures, charts drawn by Chart.js, and the tables behind them.
        driver.findElement(By.id("tab-stats")).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("chart-series")));
        waitUpTo(10).until(d -> paintedPixels("chart-series") > 500);
        for (String chart : List.of("chart-series", "chart-hours", "chart-weekdays", "chart-groups", "chart-occupancy")) {
            assertThat(hasChart(chart)).as(chart).isTrue();
            assertThat(paintedPixels(chart)).as(chart).isGreaterThan(500);
        }
        assertThat(text("#stats-kpis")).contains("Tickets émis", "Servis", "Attente moyenne");
        // The threshold's bounds are the server's rules (GET /api/v1/rules), not numbers written again in the page.
        JsonObject thresholds = ok(server.get("/api/v1/rules", null)).getJsonObject("stats");
        WebElement threshold = driver.findElement(By.id("threshold"));
        assertThat(threshold.getDomProperty("value"))
                .isEqualTo(thresholds.getInteger("defaultThresholdMinutes").toString());
        assertThat(threshold.getDomProperty("max"))
                .isEqualTo(thresholds.getJsonObject("thresholdMinutes").getInteger("max").toString());
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(driver, "supervisor-stats");
        WebElement groups = driver.findElement(By.id("panel-groups"));
        groups.findElement(By.tagName("summary")).click();
        assertThat(groups.getText()).contains("Service A", "Service B");
        assertThat(text("#panel-counters")).contains("Guichet 1");
        assertThat(text("#panel-occupancy")).contains("Occupation des guichets");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('panel-groups').scrollIntoView()");
        Browser.screenshot(driver, "supervisor-stats-tables");

        // English: texts and attributes marked in the page are translated in place, and so is the title.
        assertThat(driver.findElement(By.id("language")).getAttribute("aria-label")).isEqualTo("Switch to English");
        driver.findElement(By.id("language")).click();
        waitUpTo(5).until(ExpectedConditions.textToBe(By.id("tab-stats"), "Statistics"));
        assertThat(driver.findElement(By.id("language")).getAttribute("aria-label")).isEqualTo("Passer en français");
        assertThat(driver.findElement(By.id("tabs")).getAttribute("aria-label")).isEqualTo("Views");
        assertThat(text("label:has(#threshold) span")).isEqualTo("Wait threshold (min)");
        waitUpTo(10).until(d -> paintedPixels("chart-series") > 500);
        assertThat(text("#stats-kpis")).contains("Tickets issued", "Average wait");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        driver.findElement(By.id("tab-live")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "longest wait"));
        Browser.screenshot(driver, "supervisor-live-en");
        driver.findElement(By.id("language")).click();
    }

    private static boolean hasChart(String canvasId) {
        return Browser.hasChart(driver, canvasId);
    }

    private static long paintedPixels(String canvasId) {
        return Browser.paintedPixels(driver, canvasId);
    }
}
