package org.guichet.server.web.supervisor;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.realtime.Addresses;
import org.guichet.server.testing.Eventually;
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
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Supervision for a supervisor at the keyboard and with a screen reader: every view (log-in, live with wait and device
 * alerts, statistics with data, a phone call-back and an appointment, in French and English) passes axe-core's
 * WCAG 2.1 A and AA rules; focus goes to the view after logging in; a new alert is said politely; every control has a
 * name; the call-back's and the appointment's figures show in their sections, a service without any says so, and a
 * counter filter says they are counted per service.
 */
class SupervisionAccessibilityTest {

    private static final MutableClock CLOCK = MutableClock.withinTheDayInParis();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK)
            .withOptions(options -> options.withContactKeyFile(Path.of("target/callback-tests/contact.key")));
    private static ChromeDriver driver;

    @BeforeAll
    static void aMorningWithDevicesNeverConnected() {
        server.agent("sup.a11y", "supervisor", "s1");
        String agent = server.agentAtCounter("a11y.agent", "s1", "c1");
        String kiosk = server.deviceToken("kiosk-1");
        ServedTickets.serve(server, CLOCK, kiosk, agent, 3, Duration.ofMinutes(3), Duration.ZERO,
                Duration.ofMinutes(4));
        // Phone reception asks for a call-back of service A; the agent at c1 takes it at once and reaches the caller.
        long callback = TestServer.status(server.post("/api/v1/sites/s1/callbacks",
                server.agent("a11y.phone", "agent", "s1"), new JsonObject().put("serviceId", "svc-a")
                        .put("phone", "06 12 34 56 78").put("subject", "Objet")), 201).bodyAsJsonObject().getLong("id");
        TestServer.status(server.post("/api/v1/counters/c1/callbacks/take", agent, null), 200);
        ok(server.post("/api/v1/callbacks/" + callback + "/outcome", agent,
                new JsonObject().put("outcome", "answered")));
        // The agent books service A's next slot (20 minutes each, all day at s1) on the server's clock; the visitor
        // checks in at the kiosk at once, within the hour before it, and waits.
        long slotSeconds = Duration.ofMinutes(20).toSeconds();
        Instant slot = Instant.ofEpochSecond(
                (Math.floorDiv(CLOCK.instant().getEpochSecond(), slotSeconds) + 1) * slotSeconds);
        String code = TestServer.status(server.post("/api/v1/sites/s1/appointments", agent, new JsonObject()
                .put("serviceId", "svc-a").put("startsAt", slot.toString())), 201).bodyAsJsonObject().getString("code");
        TestServer.status(server.post("/api/v1/sites/s1/appointments/check-in", kiosk,
                new JsonObject().put("code", code)), 201);
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

    /** A statistics panel's table, row by row, every space in a cell (narrow, no-break) written as a plain one. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rowsOf(String panel) {
        return (List<List<String>>) driver.executeScript("""
                return [...document.querySelectorAll(`#panel-${arguments[0]} tbody tr`)]
                    .map(tr => [...tr.cells].map(cell => cell.textContent.replace(/\\s/g, ' ')));""", panel);
    }

    private static void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * In a cluster each node checks the alerts and tells its own pages, so the page hears a change once per node, and
     * a node (re)started tells every alert as new: the page says only what it has not said yet.
     */
    private static void anAlertIsSaidOnceWhateverTheNodesThatTellIt(List<JsonObject> told) {
        JsonObject waitRaised = Eventually.await("the message raising service B's wait", () -> told.stream()
                .filter(message -> message.getJsonArray("raised").contains("wait:svc-b")).findFirst(),
                Optional::isPresent).orElseThrow();
        driver.executeScript("""
                const said = document.getElementById('announce');
                window.saidAgain = [];
                new MutationObserver(records => records.forEach(record => window.saidAgain.push(
                    [...record.addedNodes].map(node => node.textContent).join(''))))
                    .observe(said, { childList: true });""");
        EventBus bus = server.vertx().eventBus();
        bus.publish(Addresses.siteAlerts("s1"), waitRaised.copy());
        bus.publish(Addresses.siteAlerts("s1"), waitRaised.copy().put("raised", new JsonArray()
                .add("wait:svc-b").add("never:screen-1b")));
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> !saidAgain().isEmpty());
        assertThat(saidAgain()).as("the second node's copy, then a restarted node's every alert")
                .singleElement().asString().startsWith("Nouvelle alerte : ")
                .contains("Écran salle 1 bis ne s’est jamais connecté").doesNotContain("Service B");
    }

    @SuppressWarnings("unchecked")
    private static List<String> saidAgain() {
        return (List<String>) driver.executeScript("return window.saidAgain");
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
        List<JsonObject> told = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> overheard = server.vertx().eventBus().consumer(Addresses.siteAlerts("s1"),
                message -> told.add(message.body()));
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

        anAlertIsSaidOnceWhateverTheNodesThatTellIt(told);
        overheard.unregister();

        driver.findElement(By.id("tab-stats")).click();
        Browser.shown(driver, "#chart-occupancy");
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!window.Chart?.getChart(document.getElementById('chart-occupancy'))")));
        driver.findElements(By.cssSelector("#panels summary")).forEach(summary -> {
            if (summary.findElement(By.xpath("..")).getDomAttribute("open") == null) {
                summary.click();
            }
        });
        assertThat(driver.findElement(By.id("title-callbacks")).getText()).isEqualTo("Rappels téléphoniques");
        assertThat(rowsOf("callbacks")).as("answered at once: no delay, within svc-a's 240-minute target")
                .containsExactly(
                List.of("Service A", "1", "1", "1", "0", "0", "0", "0", "0,0", "0,0", "240", "100 %"),
                List.of("Total", "1", "1", "1", "0", "0", "0", "0", "—", "—", "—", "100 %"));
        assertThat(driver.findElements(By.cssSelector("#panel-callbacks tr.over"))).as("within target").isEmpty();
        assertThat(driver.findElement(By.id("title-appointments")).getText()).isEqualTo("Rendez-vous");
        assertThat(rowsOf("appointments")).as("booked and checked in, not called yet: no lateness, and its ticket, "
                + "still waiting, is not yet among the service's tickets of the period").containsExactly(
                List.of("Service A", "1", "0", "0", "0 %", "1", "0", "—", "—", "0 %"));
        audited("statistics with data, tables open");

        driver.findElement(By.id("language")).click();
        Browser.waitUpTo(driver, Duration.ofSeconds(5)).until(d -> "Statistics".equals(
                d.findElement(By.id("tab-stats")).getText()));
        assertThat(driver.findElement(By.id("title-callbacks")).getText()).isEqualTo("Phone call-backs");
        assertThat(driver.findElement(By.cssSelector("#panel-callbacks thead")).getText())
                .contains("Requests", "Called back", "Answered", "Still open", "P90 delay (min)", "Within target");
        assertThat(driver.findElement(By.id("title-appointments")).getText()).isEqualTo("Appointments");
        assertThat(driver.findElement(By.cssSelector("#panel-appointments thead")).getText())
                .contains("Appointments", "No-shows", "Checked in", "Avg lateness (min)", "Called within 5 min");
        audited("statistics in English");

        new Select(driver.findElement(By.id("service"))).selectByValue("svc-b");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("panel-callbacks")).getText()
                .contains("No call-back request over the period."));
        assertThat(rowsOf("callbacks")).as("service B has no call-back: a sentence, no table").isEmpty();
        assertThat(driver.findElement(By.id("panel-appointments")).getText())
                .contains("No appointment over the period.");
        assertThat(rowsOf("appointments")).as("service B takes no appointment").isEmpty();
        audited("statistics of a service without call-backs or appointments");

        new Select(driver.findElement(By.id("counter"))).selectByValue("c1");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        Browser.waitUpTo(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("panel-appointments"))
                .getText().contains("Appointments are counted per service: no figures per counter or agent."));
        assertThat(driver.findElement(By.id("panel-callbacks")).getText())
                .contains("Call-backs are counted per service: no figures per counter or agent.");
        audited("statistics of a counter");
        driver.findElement(By.id("tab-live")).click();
        Browser.shown(driver, "#alerts li[data-key='never:screen-1b']");
        audited("live view in English");
        driver.findElement(By.id("language")).click();
    }
}
