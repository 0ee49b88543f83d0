package org.guichet.kiosk.web;

import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.kiosk.testing.PrintedSlip;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.kiosk.testing.KioskExtension.PARIS;
import static org.guichet.server.testing.TestServer.ok;

/**
 * An appointment from end to end, in one real Chromium: a visitor books on the public page, checks in at the kiosk
 * with the code early, is left after the walk-ins until the booked time, then called ahead of them, and the room's
 * screen shows the call.
 */
class AppointmentCheckInBrowserTest {

    /** 09:10 in Paris tomorrow; the server's clock, moved by the test. */
    private static final Instant MORNING = ZonedDateTime.of(LocalDate.now(PARIS).plusDays(1).atTime(9, 10), PARIS)
            .toInstant();

    @RegisterExtension
    final KioskExtension kiosk = new KioskExtension();

    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(LocalDate.ofInstant(MORNING, PARIS).atTime(hour, minute), PARIS).toInstant();
    }

    private WebElement shown(String css) {
        return Eventually.await(css + " shown", () -> browser.findElement(By.cssSelector(css)), WebElement::isDisplayed);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void a_visitor_books_checks_in_with_the_code_and_is_called_at_the_booked_time_ahead_of_walk_ins() throws Exception {
        MutableClock clock = new MutableClock(MORNING);
        kiosk.stopServer();
        kiosk.restartServer(options -> options.withClock(clock));
        TestServer server = kiosk.server();
        browser = Browser.open(1280, 900);

        browser.get(server.baseUrl() + "/rdv/s1?lang=fr");
        shown("#booking");
        assertThat(Accessibility.violations(browser)).as("the booking page").isEmpty();
        new Select(browser.findElement(By.id("day"))).selectByValue(LocalDate.ofInstant(MORNING, PARIS).toString());
        WebElement ten = shown("input[name='slot'][value='" + at(10, 0) + "']");
        ten.click();
        browser.findElement(By.id("name")).sendKeys("Mme Bernard");
        browser.findElement(By.id("book")).click();
        String code = Eventually.await("the appointment's page with its code", () -> text("code"),
                shown -> shown.matches("[A-Z0-9]{3} [A-Z0-9]{3}")).replace(" ", "");
        assertThat(browser.getCurrentUrl()).contains("/rdv/a/");
        assertThat(text("appointment-when")).endsWith("à 10:00");
        assertThat(Accessibility.violations(browser)).as("the appointment's page").isEmpty();
        Browser.screenshot(browser, "appointment-booked");

        clock.set(at(9, 30));
        kiosk.start(kiosk.config());
        kiosk.awaitReady();
        // Two visitors without an appointment took their tickets at this kiosk first.
        JsonObject firstWalkIn = TestServer.status(kiosk.take("svc-a"), 200).bodyAsJsonObject();
        JsonObject secondWalkIn = TestServer.status(kiosk.take("svc-a"), 200).bodyAsJsonObject();
        browser.get(kiosk.url());
        shown("#appointment-open").click();
        shown("#appointment-code");
        assertThat(Accessibility.violations(browser)).as("the kiosk's code screen").isEmpty();
        for (char letter : code.toCharArray()) {
            browser.findElement(By.id("key-" + letter)).click();
        }
        browser.findElement(By.id("appointment-submit")).click();
        shown("#screen[data-screen='ticket'] #number");
        String number = text("number");
        assertThat(number).isEqualTo("A003");

        // Another visitor of 10:00 lost their code: they find their appointment by its service and time.
        JsonObject lost = TestServer.status(server.post("/api/v1/public/sites/s1/appointments", null, new JsonObject()
                .put("serviceId", "svc-a").put("startsAt", at(10, 0).toString()).put("name", "Duval")), 201)
                .bodyAsJsonObject();
        browser.findElement(By.id("done")).click();
        shown("#appointment-open").click();
        shown("#appointment-find").click();
        shown("button[data-service='svc-a']").click();
        long lostId = server.sql("SELECT id FROM appointment WHERE token = $1", lost.getString("token")).get(0)
                .getLong("id");
        WebElement pick = shown("#pick-" + lostId);
        assertThat(pick.getText()).endsWith(" · D");
        assertThat(browser.findElements(By.cssSelector("[id^='pick-']"))).as("the first is checked in already")
                .hasSize(1);
        assertThat(Accessibility.violations(browser)).as("finding an appointment").isEmpty();
        pick.click();
        shown("#screen[data-screen='ticket'] #number");
        assertThat(text("number")).isEqualTo("A004");
        assertThat(PrintedSlip.read(java.nio.file.Files.readAllBytes(kiosk.printouts().get(2))).texts())
                .as("the printed ticket").contains("A003");
        Browser.screenshot(browser, "appointment-kiosk-ticket");

        String counter = server.agentAtCounter("appointment.agent", "s1", "c2");
        browser.get(server.baseUrl() + "/display/?token=" + server.tokenOf("screen-1"));
        shown("#current");
        JsonObject called = ok(server.post("/api/v1/counters/c2/call-next", counter, null));
        assertThat(called.getString("number")).as("at 09:30, before its time: a walk-in first")
                .isEqualTo(firstWalkIn.getString("number"));
        ok(server.post("/api/v1/tickets/" + called.getLong("id") + "/no-show", counter, null));

        clock.set(at(10, 0));
        called = ok(server.post("/api/v1/counters/c2/call-next", counter, null));
        assertThat(called.getString("number")).as("at 10:00, ahead of the walk-in who came before")
                .isEqualTo(number);
        Eventually.await("the room screen calls " + number, () -> text("current-number"), number::equals);
        assertThat(text("current-counter")).contains("Guichet 2");
        assertThat(secondWalkIn.getString("number")).isEqualTo("A002");
        Browser.screenshot(browser, "appointment-room-screen");
    }
}
