package org.guichet.server.web.counter;

import io.vertx.sqlclient.Row;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.web.counter.CounterFixture.newAgent;

/**
 * Phone reception asks for a call-back from its tablet; a business agent takes it from theirs, gets no answer, sees
 * it come back after the retry delay, calls again and records it answered; the number is then erased.
 */
class CallbackBrowserTest {

    private static final MutableClock CLOCK = MutableClock.withinTheDayInParis();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK)
            .withOptions(options -> options.withContactKeyFile(Path.of("target/callback-tests/contact.key"))
                    .withSessionLifetime(Duration.ofDays(3)));

    @Test
    void phone_reception_asks_and_a_business_agent_calls_back_until_answered() {
        String reception = newAgent(server, "reception");
        String business = newAgent(server, "business");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.logIn(reception);
            tablet.choose("c3");
            tablet.tap("new-callback");
            WebElement dialog = tablet.waitFor("the call-back dialog", () -> {
                WebElement found = tablet.driver.findElement(By.id("callback-dialog"));
                return found.isDisplayed() ? found : null;
            });
            assertThat(Accessibility.violations(tablet.driver)).as("the call-back dialog").isEmpty();
            new Select(dialog.findElement(By.id("callback-service"))).selectByValue("svc-a");
            dialog.findElement(By.id("callback-phone")).sendKeys("06 12 34");
            dialog.findElement(By.id("callback-subject")).sendKeys("Dossier APA de sa mère");
            dialog.findElement(By.id("callback-confirm")).click();
            tablet.waitFor("the refusal said in the dialog", () ->
                    dialog.findElement(By.id("callback-error")).getText().contains("numéro n’est pas valide"));
            assertThat(dialog.isDisplayed()).as("the dialog stays open to correct the number").isTrue();
            WebElement phone = dialog.findElement(By.id("callback-phone"));
            phone.clear();
            phone.sendKeys("06 12 34 56 78");
            dialog.findElement(By.id("callback-confirm")).click();
            tablet.waitForBanner("callback");
            assertThat(tablet.bannerText()).contains("Demande de rappel enregistrée pour Service A");
            assertThat(tablet.text("callbacks-list")).as("c3 does not serve svc-a").isEmpty();
            tablet.tap("logout");

            // Another agent on this tablet (it would go back to the counter it remembers): their own counter, c2.
            tablet.script("localStorage.removeItem('guichet.counter.id');");
            tablet.startAt(business, "c2");
            WebElement row = tablet.waitFor("the request in the list", () -> callbackRows(tablet).isEmpty() ? null
                    : callbackRows(tablet).get(0));
            assertThat(row.getText()).contains("Dossier APA de sa mère").doesNotContain("12 34");
            tablet.tap("callback-take-" + row.getDomAttribute("data-callback-id"));
            tablet.waitFor("the number to dial", () -> "06 12 34 56 78".equals(tablet.text("callback-phone-link")));
            assertThat(tablet.driver.findElement(By.id("callback-phone-link")).getDomAttribute("href"))
                    .isEqualTo("tel:+33612345678");
            assertThat(Accessibility.violations(tablet.driver)).as("calling back").isEmpty();

            tablet.tap("callback-no_answer");
            tablet.waitForBanner("callback");
            assertThat(tablet.bannerText()).contains("Pas de réponse : le rappel revient à");
            tablet.waitFor("no number any more", () -> tablet.text("callback-phone-link") == null);
            WebElement later = callbackRows(tablet).get(0);
            assertThat(later.getText()).contains("à partir de").contains("1 essai(s) sans réponse");
            String takeAgain = "callback-take-" + later.getDomAttribute("data-callback-id");
            assertThat(tablet.driver.findElement(By.id(takeAgain)).isEnabled()).as("not due yet").isFalse();

            CLOCK.advance(Duration.ofMinutes(31));
            tablet.reload();
            tablet.waitForMode("idle");
            tablet.tap(takeAgain);
            tablet.waitFor("the number again", () -> "06 12 34 56 78".equals(tablet.text("callback-phone-link")));
            assertThat(tablet.text("callback-held")).contains("essai 2");
            tablet.tap("callback-answered");
            tablet.waitForBanner("callback");
            assertThat(tablet.bannerText()).contains("Rappel terminé");
            tablet.waitFor("the list empty", () -> callbackRows(tablet).isEmpty());

            Row stored = server.sql("SELECT status, attempts, phone_cipher FROM callback_request").get(0);
            assertThat(stored.getString("status")).isEqualTo("ANSWERED");
            assertThat(stored.getInteger("attempts")).isEqualTo(2);
            assertThat(stored.getValue("phone_cipher")).isNull();

            tablet.tap("lang-toggle");
            tablet.tap("new-callback");
            tablet.waitFor("the dialog in English", () -> tablet.text("callback-dialog-title").equals(
                    "Call-back request"));
            assertThat(Accessibility.violations(tablet.driver)).as("the dialog in English").isEmpty();
        }
    }

    private static List<WebElement> callbackRows(Tablet tablet) {
        return tablet.driver.findElements(By.cssSelector("#callbacks-list .callback-row"));
    }

    @Test
    void an_agent_books_an_appointment_from_the_tablet_and_the_checked_in_visitor_shows_with_the_booked_time() {
        // 09:50 tomorrow in Paris: the day's first free slot is 10:00, and a visitor may check in for it now.
        CLOCK.set(java.time.ZonedDateTime.of(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1)
                .atTime(9, 50), java.time.ZoneId.of("Europe/Paris")).toInstant());
        String business = newAgent(server, "booking");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(business, "c1");
            tablet.tap("new-appointment");
            WebElement dialog = tablet.waitFor("the appointment dialog", () -> {
                WebElement found = tablet.driver.findElement(By.id("appointment-dialog"));
                return found.isDisplayed() ? found : null;
            });
            Select slot = new Select(dialog.findElement(By.id("appointment-slot")));
            tablet.waitFor("the day's free slots", () -> !slot.getOptions().isEmpty()
                    && !slot.getOptions().get(0).getDomAttribute("value").isEmpty());
            String startsAt = slot.getOptions().get(0).getDomAttribute("value");
            dialog.findElement(By.id("appointment-name")).sendKeys("M. Petit");
            assertThat(Accessibility.violations(tablet.driver)).as("the appointment dialog").isEmpty();
            dialog.findElement(By.id("appointment-confirm")).click();
            tablet.waitForBanner("appointment");
            String banner = tablet.bannerText();
            assertThat(banner).startsWith("Rendez-vous réservé à").contains("Code à donner au visiteur");
            java.util.regex.Matcher given = java.util.regex.Pattern.compile("visiteur : ([A-Z0-9]{3}) ([A-Z0-9]{3})")
                    .matcher(banner);
            assertThat(given.find()).as(banner).isTrue();
            String code = given.group(1) + given.group(2);

            assertThat(TestServer.status(server.post("/api/v1/sites/s1/appointments/check-in",
                    server.tokenOf("kiosk-1"), new io.vertx.core.json.JsonObject().put("code", code)), 201)
                    .bodyAsJsonObject().getString("appointmentAt")).isEqualTo(startsAt);
            WebElement row = tablet.waitFor("the visitor in the waiting list", () -> tablet.driver.findElements(
                    By.cssSelector("#waiting-list .badge.appointment-time")).stream().findFirst().orElse(null));
            assertThat(row.getText()).startsWith("RDV ");
        }
    }
}
