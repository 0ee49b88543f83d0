package org.guichet.server.web;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** The published indicators page in Chromium: a site's page and the network's, without an account, in two languages. */
class IndicatorsPageTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void twoVisitorsWaiting() {
        String kiosk = server.deviceToken("kiosk-1");
        server.issue(kiosk, "svc-a");
        server.issue(kiosk, "svc-a");
        browser = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void a_site_and_the_network_in_french_and_english() {
        JsonObject api = ok(server.get("/api/v1/public/indicators/s1", null));
        browser.get(server.baseUrl() + "/indicateurs/s1?lang=fr");
        Eventually.await("the site's figures", () -> browser.findElement(By.id("site-view")).isDisplayed(),
                Boolean.TRUE::equals);
        assertThat(text("place")).isEqualTo("Site Un – bâtiment A");
        assertThat(text("live")).contains("Service A", "2");
        assertThat(text("month-title")).startsWith("Le mois de ");
        assertThat(text("month")).contains("Visiteurs accueillis", "Reçus dans l’objectif", "Visiteurs satisfaits");
        assertThat(text("hours")).contains("lundi", "Horaires non publiés");
        assertThat(api.getJsonObject("month").getLong("tickets")).isZero();
        assertThat(Accessibility.violations(browser)).as("site page, French").isEmpty();
        Browser.screenshot(browser, "indicators-site");

        browser.get(server.baseUrl() + "/indicateurs/s1?lang=en");
        Eventually.await("the English page", () -> text("live-title"), "Right now"::equals);
        assertThat(text("month")).contains("Visitors received", "Served within target");

        browser.get(server.baseUrl() + "/indicateurs/?lang=fr");
        Eventually.await("the network", () -> browser.findElement(By.id("network-view")).isDisplayed(),
                Boolean.TRUE::equals);
        assertThat(text("sites")).contains("Site Un – bâtiment A", "Site Deux", "Ensemble des sites");
        assertThat(Accessibility.violations(browser)).as("network page").isEmpty();
        browser.findElement(By.linkText("Site Deux")).click();
        Eventually.await("the site from the network", () -> text("place"), "Site Deux"::equals);

        browser.get(server.baseUrl() + "/indicateurs/nowhere?lang=fr");
        Eventually.await("an unknown site said so", () -> text("status"), "Ce site est introuvable."::equals);
    }
}
