package org.guichet.server.web.phone;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A visitor takes a ticket on their own phone from the site's page (the QR code of a poster in the hall), lands on
 * their ticket's page, is warned there when three people are left before them, and finds their ticket again from the
 * site's page rather than taking a second one.
 */
class PhonePageTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver phone;

    @BeforeAll
    static void open() {
        phone = Browser.open(412, 915);
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.quit();
        }
    }

    private static String text(String id) {
        return phone.findElement(By.id(id)).getText();
    }

    private static Browser.Waiting waitUpTo(int seconds) {
        return Browser.waitUpTo(phone, Duration.ofSeconds(seconds));
    }

    @Test
    void a_visitor_takes_a_ticket_on_their_phone_and_is_warned_there_when_three_people_are_left() {
        String kiosk = server.deviceToken("kiosk-1");
        String agent = server.agentAtCounter("phone.page.agent", "s1", "c2");
        List<Long> before = List.of(server.issue(kiosk, "svc-a").getLong("id"),
                server.issue(kiosk, "svc-a").getLong("id"), server.issue(kiosk, "svc-a").getLong("id"),
                server.issue(kiosk, "svc-a").getLong("id"));

        phone.get(server.baseUrl() + "/prendre/s1?lang=fr");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("site-name"), "Site Un – bâtiment A"));
        assertThat(phone.findElements(By.cssSelector("#entries .entry")).stream().map(e -> e.getText()).toList())
                .containsExactly("Service A", "Service B", "Service C");
        assertThat(text("entries")).contains("Menu");
        assertThat(phone.findElement(By.id("mine")).isDisplayed()).isFalse();
        assertThat(phone.findElement(By.id("sms")).isDisplayed()).as("SMS reminders are off here").isFalse();
        assertThat(Accessibility.violations(phone)).as("the phone page").isEmpty();
        Browser.screenshot(phone, "phone-take");

        phone.findElement(By.xpath("//button[@class='entry' and text()='Service A']")).click();
        waitUpTo(10).until(driver -> driver.getCurrentUrl().contains("/ticket/"));
        String ticketPage = phone.getCurrentUrl();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("number"), "A005"));
        assertThat(text("state")).isEqualTo("4 personnes avant vous.");
        assertThat(text("estimate")).isEqualTo("Attente estimée : environ 32 min.");
        assertThat(phone.findElement(By.id("soon")).isDisplayed()).isFalse();

        ok(server.post("/api/v1/counters/c2/call-next", agent, null));
        ok(server.post("/api/v1/tickets/" + before.get(0) + "/no-show", agent, null));
        // Others' calls are not this ticket's news: the page reads its ticket again every 20 s, here at once.
        phone.executeScript("window.guichetVisitor.refresh()");
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("soon")));
        assertThat(text("soon")).isEqualTo("Plus que 3 personnes avant vous : revenez dans la salle d’attente.");

        // Back on the site's page, the phone finds its ticket, and taking another one brings it back there.
        phone.get(server.baseUrl() + "/prendre/s1?lang=fr");
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("mine")));
        assertThat(phone.findElement(By.id("mine-link")).getAttribute("href")).isEqualTo(ticketPage);
        phone.findElement(By.xpath("//button[@class='entry' and text()='Service B']")).click();
        waitUpTo(10).until(driver -> driver.getCurrentUrl().equals(ticketPage));
        assertThat(server.sql("SELECT count(*) AS n FROM ticket").get(0).getLong("n")).isEqualTo(5);
    }

    @Test
    void the_poster_for_the_hall_shows_the_qr_code_of_the_sites_phone_page_in_four_languages() {
        phone.get(server.baseUrl() + "/prendre/s1/affiche");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("site-name"), "Site Un – bâtiment A"));
        waitUpTo(10).until(driver -> Boolean.TRUE.equals(phone.executeScript(
                "const qr = document.getElementById('qr'); return qr.complete && qr.naturalWidth > 0;")));
        assertThat(text("address")).isEqualTo(server.baseUrl() + "/prendre/s1");
        assertThat(phone.findElement(By.id("qr")).getAttribute("alt")).isEqualTo("Code QR : " + server.baseUrl()
                + "/prendre/s1");
        assertThat(phone.findElement(By.tagName("main")).getText()).contains("Prenez votre ticket sur votre téléphone",
                "Take your ticket on your phone", "Saque su tique en su teléfono",
                "Prenètz vòstre tiquet sus vòstre telefòn");
        assertThat(Accessibility.violations(phone)).as("the poster").isEmpty();
        Browser.screenshot(phone, "phone-poster");
    }

    @Test
    void a_wrong_address_says_so_plainly_in_the_visitors_language() {
        phone.get(server.baseUrl() + "/prendre/nowhere?lang=es");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("status"),
                "Esta dirección no corresponde a ningún centro."));
        assertThat(phone.findElement(By.id("menu")).isDisplayed()).isFalse();
        JsonObject none = server.get("/api/v1/public/sites/nowhere/menu", null).bodyAsJsonObject();
        assertThat(none.getString("error")).isEqualTo("not_found");
    }

    @Test
    void a_caller_asks_to_be_called_back_from_the_phone_page_and_an_agent_finds_the_request() {
        phone.get(server.baseUrl() + "/prendre/s1?lang=es");
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("callback-title"), "Que le llamen en lugar de venir"));
        new Select(phone.findElement(By.id("callback-service"))).selectByVisibleText("Service C");
        phone.findElement(By.id("callback-phone")).sendKeys("06 12 34");
        phone.findElement(By.id("callback-subject")).sendKeys("Ayuda a domicilio");
        phone.findElement(By.id("callback-send")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("callback-status"),
                "Este número no es válido: por ejemplo 06 12 34 56 78, o +34 612 345 678."));
        WebElement number = phone.findElement(By.id("callback-phone"));
        number.clear();
        number.sendKeys("+34 612 345 678");
        phone.findElement(By.id("callback-send")).click();
        waitUpTo(10).until(driver -> text("callback-status").startsWith("Solicitud registrada: un agente le llamará el "));
        assertThat(phone.findElement(By.id("callback-phone")).getDomProperty("value")).as("the form is emptied")
                .isEmpty();
        assertThat(Accessibility.violations(phone)).as("the call-back form").isEmpty();

        io.vertx.sqlclient.Row stored = server.sql("SELECT channel, language, service_id, subject FROM callback_request")
                .get(0);
        assertThat(stored.getString("channel")).isEqualTo("PHONE_PAGE");
        assertThat(stored.getString("language")).isEqualTo("es");
        assertThat(stored.getString("subject")).isEqualTo("Ayuda a domicilio");
        String agent = server.agentAtCounter("callback.page.agent", "s1", "c3");
        JsonObject taken = ok(server.post("/api/v1/counters/c3/callbacks/take", agent, null));
        assertThat(taken.getJsonObject("phone").getString("e164")).isEqualTo("+34612345678");
    }
}
