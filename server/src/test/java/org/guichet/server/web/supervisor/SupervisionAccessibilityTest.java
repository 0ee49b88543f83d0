package org.guichet.server.web.supervisor;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision for a supervisor at the keyboard and with a screen reader: every view (log-in, live with wait and device
 * alerts, statistics with data, in French and English) passes axe-core's WCAG 2.1 A and AA rules; focus goes to the
 * view after logging in; a new alert is said politely; every control has a name.
 */
class SupervisionAccessibilityTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK);
    private static ChromeDriver driver;

    @BeforeAll
    static void aMorningWithDevicesNeverConnected() {
        server.agent("sup.a11y", "supervisor", "s1");
        String agent = server.agentAtCounter("a11y.agent", "s1", "c1");
        String kiosk = server.deviceToken("kiosk-1");
        ServedTickets.serve(server, CLOCK, kiosk, agent, 3, Duration.ofMinutes(3), Duration.ZERO,
                Duration.ofMinutes(4));
        server.issue(kiosk, "svc-b");
        server.post("/api/v1/devices/heartbeat", kiosk, new JsonObject().put("kind", "kiosk").put("state", "READY"));
        driver = Browser.open(1280, 1000);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static void audited(String state) {
        assertThat(Accessibility.violations(driver)).as(state).isEmpty();
    }

    private static void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    @Test
    void every_view_passes_axe_and_is_usable_with_keys_and_a_screen_reader() {
        driver.get(server.baseUrl() + "/supervisor/");
        Browser.shown(driver, "#username");
        audited("log-in");
        assertThat(driver.executeScript("return document.activeElement.id")).isEqualTo("username");
        keys("sup.a11y", Keys.TAB, TestServer.AGENT_PASSWORD, Keys.ENTER);

        Browser.shown(driver, "#alerts li[data-key='never:screen-1b']");
        assertThat(driver.executeScript("return document.activeElement.id"))
                .as("after logging in, the live view's first heading").isEqualTo("alerts-title");
        assertThat(driver.findElement(By.id("alerts")).getText()).contains("Écran salle 1 bis ne s’est jamais connecté")
                .doesNotContain("Aucune alerte");
        assertThat(driver.findElement(By.id("devices")).getText()).contains("Jamais connecté");
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> "open".equals(
                d.findElement(By.id("bus-state")).getDomAttribute("data-state")));

        // Service B passes its 10-minute target (and the kiosk falls silent): the new alerts are said politely.
        CLOCK.advance(Duration.ofMinutes(11));
        Browser.shown(driver, "#alerts li[data-key='wait:svc-b']");
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> {
            String said = driver.findElement(By.id("announce")).getDomProperty("textContent");
            return said.startsWith("Nouvelle alerte : ") && said.contains("Service B : attente la plus longue");
        });
        assertThat(driver.findElement(By.id("announce")).getDomAttribute("role")).isEqualTo("status");
        assertThat(driver.findElement(By.id("alerts")).getDomAttribute("aria-live"))
                .as("the list redrawn every second is not itself a live region").isNull();
        audited("live view with wait and device alerts");
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('a, button, input, select, textarea')]
                    .filter(el => el.offsetParent !== null)
                    .filter(el => !(el.getAttribute('aria-label') || el.labels?.length || el.textContent.trim()))
                    .map(el => el.id || el.outerHTML.slice(0, 60));""");
        assertThat(unnamed).as("controls without a name").isEmpty();

        driver.findElement(By.id("tab-stats")).click();
        Browser.shown(driver, "#chart-occupancy");
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!window.Chart?.getChart(document.getElementById('chart-occupancy'))")));
        driver.findElements(By.cssSelector("#panels summary")).forEach(summary -> {
            if (summary.findElement(By.xpath("..")).getDomAttribute("open") == null) {
                summary.click();
            }
        });
        audited("statistics with data, tables open");

        driver.findElement(By.id("language")).click();
        Browser.waitUpTo(driver, Duration.ofSeconds(5)).until(d -> "Statistics".equals(
                d.findElement(By.id("tab-stats")).getText()));
        audited("statistics in English");
        driver.findElement(By.id("tab-live")).click();
        Browser.shown(driver, "#alerts li[data-key='never:screen-1b']");
        audited("live view in English");
        driver.findElement(By.id("language")).click();
    }
}
