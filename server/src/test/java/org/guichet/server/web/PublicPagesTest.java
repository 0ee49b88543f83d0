package org.guichet.server.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor meets outside the apps, in real Chromium: an unknown address and a cut ticket link answered in their
 * language, and the accessibility statement, in the RGAA's form, reachable from every public page; each passes axe.
 */
class PublicPagesTest {

    private static final JsonObject STATEMENT = new JsonObject().put("organisation", "Le Département de l’Essai")
            .put("contactEmail", "accessibilite@departement.example").put("statementDate", "2026-11-30")
            .put("audit", new JsonObject().put("date", "2027-03-15").put("auditor", "Cabinet Exemple")
                    .put("compliantPercent", 84)
                    .put("nonCompliances", new JsonArray().add("Le plan de la salle B n’a pas de description.")));

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withAccessibility(AccessibilityStatement.fromConfig(STATEMENT)));
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
    void an_unknown_address_answers_404_with_a_page_in_the_visitors_language_and_json_for_programs() {
        HttpResponse<Buffer> page = server.send(HttpMethod.GET, "/no/such/page", null,
                Map.of("Accept", "text/html,application/xhtml+xml"), null);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        HttpResponse<Buffer> program = server.send(HttpMethod.GET, "/no/such/page", null,
                Map.of("Accept", "application/json"), null);
        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.bodyAsJsonObject().getString("error")).isEqualTo("not_found");

        phone.get(server.baseUrl() + "/no/such/page");
        shownText("h1", "Page not found");
        phone.findElement(By.cssSelector("#languages a[lang=fr]")).click();
        shownText("h1", "Page introuvable");
        assertThat(Accessibility.violations(phone)).isEmpty();

        phone.get(server.baseUrl() + "/no/such/page?lang=es");
        shownText("h1", "Página no encontrada");
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        phone.findElement(By.cssSelector("#languages a[lang=oc]")).click();
        shownText("h1", "Pagina introbabla");
        assertThat(phone.findElement(By.id("home")).getAttribute("href")).isEqualTo(server.baseUrl() + "/");
        assertThat(Accessibility.violations(phone)).isEmpty();
    }

    @Test
    void a_cut_or_mistyped_ticket_link_says_the_ticket_cannot_be_found() {
        for (String address : new String[]{"/ticket/abc", "/ticket/", "/ticket/x%20y/z"}) {
            phone.get(server.baseUrl() + address);
            Eventually.await(address, () -> text("#state"), shown -> shown.contains("introuvable"));
        }
        assertThat(Accessibility.violations(phone)).isEmpty();
        assertThat(server.get("/ticket/ticket.js", null).getHeader("Content-Type")).contains("javascript");
    }

    @Test
    void the_statement_follows_the_rgaa_form_with_the_configured_audit_and_contact() {
        phone.get(server.baseUrl() + "/accessibilite?lang=fr");
        shownText("h1", "Déclaration d’accessibilité");
        Eventually.await("the statement read", () -> text("#state"), shown -> !shown.isEmpty());

        assertThat(text("#commitment")).startsWith("Le Département de l’Essai s’engage").contains("loi n° 2005-102");
        assertThat(text("#state")).isEqualTo("Guichet est partiellement conforme au référentiel général "
                + "d’amélioration de l’accessibilité (RGAA), version 4.1.");
        assertThat(text("#audit")).isEqualTo("L’audit réalisé le 15 mars 2027 par Cabinet Exemple montre que 84 % "
                + "des critères du RGAA sont respectés.");
        assertThat(text("#non-compliances")).isEqualTo("Le plan de la salle B n’a pas de description.");
        assertThat(text("#date")).isEqualTo("Cette déclaration a été établie le 30 novembre 2026.");
        assertThat(phone.findElement(By.cssSelector("#contact-ways a")).getAttribute("href"))
                .isEqualTo("mailto:accessibilite@departement.example");
        assertThat(phone.findElements(By.tagName("h2"))).extracting(element -> element.getText()).containsExactly(
                "État de conformité", "Résultats des tests", "Contenus non accessibles",
                "Établissement de cette déclaration", "Retour d’information et contact", "Voies de recours");
        assertThat(phone.getPageSource()).contains("Libre réponse 71120", "formulaire.defenseurdesdroits.fr");
        assertThat(shownText("#accessibility", "Accessibilité : partiellement conforme")).isNotEmpty();
        assertThat(Accessibility.violations(phone)).isEmpty();

        phone.get(server.baseUrl() + "/accessibilite?lang=en");
        Eventually.await("English", () -> text("#state"), shown -> shown.startsWith("Guichet is partially"));
        assertThat(text("#audit")).contains("15 March 2027");
        assertThat(Accessibility.violations(phone)).isEmpty();
    }

    @Test
    void every_public_page_links_the_statement_in_its_own_language() {
        String kiosk = server.deviceToken("kiosk-1");
        JsonObject ticket = server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "svc-a")
                .put("language", "es")).bodyAsJsonObject();
        phone.get(server.baseUrl() + "/ticket/" + ticket.getString("statusToken"));
        shownText("#accessibility", "Accesibilidad: parcialmente conforme");
        assertThat(Accessibility.violations(phone)).isEmpty();

        assertThat(phone.findElement(By.id("accessibility")).getAttribute("href"))
                .isEqualTo(server.baseUrl() + "/accessibilite?lang=es");
        phone.findElement(By.id("accessibility")).click();
        Eventually.await("the statement in Spanish", () -> text("h1"), "Declaración de accesibilidad"::equals);

        phone.get(server.baseUrl() + "/");
        shownText("#accessibility", "Accessibilité : partiellement conforme");
        phone.get(server.baseUrl() + "/nowhere");
        shownText("#accessibility", "Accessibility: partially compliant");
    }
}
