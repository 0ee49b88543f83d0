package org.guichet.server.web;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.PrivacyNotice;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy notice in real Chromium, in each visitor language, with the operator's details and the retention
 * periods in force; reached from the visitor's ticket page, which says in the ticket's language when its link has
 * expired; each passes axe.
 */
class PrivacyPagesTest {

    private static final JsonObject OPERATOR = new JsonObject().put("controller", "Le Département de l’Essai")
            .put("dpoEmail", "dpd@departement.example").put("controllerAddress", "1 place de la Préfecture, 31000");
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withOptions(options -> options.withClock(clock)
            .withPrivacy(PrivacyNotice.fromConfig(OPERATOR)).withRetention(new RetentionPolicy(15, 60, 24)));
    private static ChromeDriver phone;

    @BeforeAll
    static void openBrowser() {
        phone = Browser.open(412, 915);
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.quit();
        }
    }

    private static String text(String css) {
        return phone.findElement(By.cssSelector(css)).getText();
    }

    private static String shownText(String css, String expected) {
        return Eventually.await(css + " reads " + expected, () -> text(css), expected::equals);
    }

    @Test
    void the_notice_names_the_controller_its_officer_and_the_periods_in_force_in_every_visitor_language() {
        phone.get(server.baseUrl() + "/confidentialite?lang=fr");
        shownText("h1", "Données personnelles");
        Eventually.await("the notice read", () -> text("#notes"), shown -> !shown.isEmpty());
        assertThat(text("#controller")).startsWith("Le Département de l’Essai est responsable des données");
        assertThat(text("#notes")).isEqualTo("Les notes des agents sont effacées au bout de 15 jours.");
        assertThat(text("#pseudonymised")).contains("60 jours");
        assertThat(text("#deleted")).contains("24 mois");
        assertThat(phone.findElement(By.cssSelector("#contact-ways a")).getAttribute("href"))
                .isEqualTo("mailto:dpd@departement.example");
        assertThat(text("#contact-ways")).contains("1 place de la Préfecture");
        assertThat(phone.getPageSource()).contains("6.1.e", "cnil.fr");
        assertThat(Accessibility.violations(phone)).isEmpty();

        for (Map.Entry<String, String> language : Map.of("en", "Personal data", "es", "Datos personales",
                "oc", "Donadas personalas").entrySet()) {
            phone.findElement(By.cssSelector("#languages a[lang=" + language.getKey() + "]")).click();
            shownText("h1", language.getValue());
            Eventually.await("the periods in " + language.getKey(), () -> text("#notes"),
                    shown -> shown.contains("15"));
            assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language.getKey());
            assertThat(Accessibility.violations(phone)).as(language.getKey()).isEmpty();
        }
        assertThat(TestServer.ok(server.get("/api/v1/public/privacy", null)).getJsonObject("retention"))
                .isEqualTo(new JsonObject().put("notesDays", 15).put("pseudonymiseAfterDays", 60)
                        .put("ticketMonths", 24).put("auditDays", 400).put("sessionHours", 12));
    }

    @Test
    void the_ticket_page_links_the_notice_and_says_in_the_tickets_language_when_its_day_is_over() {
        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        JsonObject ticket = TestServer.status(server.post("/api/v1/tickets", server.tokenOf("kiosk-1"),
                new JsonObject().put("serviceId", "svc-a").put("language", "oc")), 201).bodyAsJsonObject();
        String page = server.baseUrl() + "/ticket/" + ticket.getString("statusToken");
        phone.get(page);
        shownText("#number", ticket.getString("number"));
        shownText("#privacy", "Donadas personalas");
        assertThat(phone.findElement(By.id("privacy")).getAttribute("href"))
                .isEqualTo(server.baseUrl() + "/confidentialite?lang=oc");
        phone.findElement(By.id("privacy")).click();
        shownText("h1", "Donadas personalas");

        clock.set(Instant.parse("2026-03-11T07:00:00Z"));
        phone.get(page);
        Eventually.await("the expired link in Occitan", () -> text("#state"),
                shown -> shown.startsWith("Aqueste tiquet es pas mai seguit"));
        assertThat(text("#number")).isEmpty();
        assertThat(text("#privacy")).isEqualTo("Donadas personalas");
        assertThat(Accessibility.violations(phone)).isEmpty();
    }
}
