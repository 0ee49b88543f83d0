package org.guichet.server.web;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A visitor rates the visit on the counter-top screen by touch, another on their ticket's page in Spanish with a
 * comment, and the supervisor reads both in the day's statistics: one browser, a tab for each.
 */
class SatisfactionBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;
    private static String agent;
    private static String kiosk;

    @BeforeAll
    static void setUp() {
        agent = server.agentAtCounter("rating.agent", "s1", "c1");
        server.agent("rating.supervisor", "supervisor", "s1");
        kiosk = server.deviceToken("kiosk-1");
        browser = Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void serve(long ticketId) {
        ok(server.post("/api/v1/tickets/" + ticketId + "/call", agent, new JsonObject().put("counterId", "c1")));
        ok(server.post("/api/v1/tickets/" + ticketId + "/start", agent, null));
        ok(server.post("/api/v1/tickets/" + ticketId + "/finish", agent, null));
    }

    private static boolean shown(String id) {
        List<org.openqa.selenium.WebElement> found = browser.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static Row answer(long ticketId) {
        return Eventually.await("the answer stored", () -> {
            List<Row> rows = server.sql("SELECT score, comment, channel FROM satisfaction WHERE ticket_id = $1",
                    ticketId);
            return rows.isEmpty() ? null : rows.get(0);
        }, row -> row != null);
    }

    @Test
    void a_tap_on_the_counter_screen_a_form_on_the_visitors_page_and_the_figures_in_supervision() {
        browser.get(server.baseUrl() + "/display/counter.html?token=" + server.deviceToken("cscreen-1"));
        Eventually.await("the counter screen ready", () -> ((JavascriptExecutor) browser).executeScript(
                Browser.COUNTER_SCREEN_READY), Boolean.TRUE::equals);
        assertThat(shown("rating")).isFalse();

        long first = server.issue(kiosk, "svc-a").getLong("id");
        serve(first);
        Eventually.await("the faces", () -> shown("rating"), Boolean.TRUE::equals);
        assertThat(text("rating-question")).isEqualTo("Êtes-vous satisfait de votre visite ?");
        assertThat(text("rating-faces")).contains("Très mécontent", "Moyen", "Très satisfait");
        assertThat(Accessibility.violations(browser)).as("counter screen, rating").isEmpty();
        Browser.screenshot(browser, "counter-screen-rating");
        browser.findElement(By.id("rate-4")).click();
        Eventually.await("the thanks", () -> text("rating-thanks"), "Merci pour votre avis !"::equals);
        Row tapped = answer(first);
        assertThat(tapped.getInteger("score")).isEqualTo(4);
        assertThat(tapped.getString("channel")).isEqualTo("counter_screen");

        // The next visitor's ticket page, in Spanish
        JsonObject second = TestServer.status(server.post("/api/v1/tickets", kiosk, new JsonObject()
                .put("serviceId", "svc-a").put("language", "es")), 201).bodyAsJsonObject();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(server.baseUrl() + "/ticket/" + second.getString("statusToken"));
        Eventually.await("the ticket page", () -> text("number"), second.getString("number")::equals);
        assertThat(shown("rating")).as("not before the visit").isFalse();
        serve(second.getLong("id"));
        Eventually.await("the form once served", () -> shown("rating-form"), Boolean.TRUE::equals);
        assertThat(text("rating-question")).isEqualTo("¿Está satisfecho con su visita?");
        browser.findElement(By.id("rating-send")).click();
        assertThat(text("rating-error")).isEqualTo("Elija primero una cara.");
        browser.findElement(By.cssSelector("label[for='score-2']")).click();
        browser.findElement(By.id("rating-comment")).sendKeys("Demasiada espera");
        assertThat(Accessibility.violations(browser)).as("ticket page, rating").isEmpty();
        Browser.screenshot(browser, "ticket-rating");
        browser.findElement(By.id("rating-send")).click();
        Eventually.await("the thanks", () -> shown("rating-thanks"), Boolean.TRUE::equals);
        assertThat(text("rating-thanks")).isEqualTo("Gracias por su opinión.");
        assertThat(shown("rating-form")).isFalse();
        Row written = answer(second.getLong("id"));
        assertThat(written.getInteger("score")).isEqualTo(2);
        assertThat(written.getString("comment")).isEqualTo("Demasiada espera");
        browser.navigate().refresh();
        Eventually.await("still thanked after a reload", () -> shown("rating-thanks"), Boolean.TRUE::equals);

        // The supervisor's day: 1 of 2 satisfied, mean 3/5, every visitor served answered
        browser.get(server.baseUrl() + "/supervisor/#stats");
        Eventually.await("the log-in form", () -> shown("username"), Boolean.TRUE::equals);
        browser.findElement(By.id("username")).sendKeys("rating.supervisor");
        browser.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        browser.findElement(By.cssSelector("#login-form button")).click();
        Eventually.await("the satisfaction figures", () -> text("stats-kpis"),
                kpis -> kpis.contains("Visiteurs satisfaits"));
        assertThat(text("stats-kpis")).contains("50 %", "3,0 / 5", "100 %");
        browser.findElement(By.cssSelector("#panel-satisfaction summary")).click();
        assertThat(text("panel-satisfaction")).contains("Satisfaction des visiteurs", "Demasiada espera", "2/5");
    }
}
