package org.guichet.server.web.counter;

import io.vertx.core.json.JsonArray;
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
import org.openqa.selenium.WindowType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * An agent ends a visit with one tap on one of the service's outcomes, then orients the next visitor to a partner
 * found in the directory by a word; the counter-top screen (a second tab of the same browser) shows the partner's
 * details and a QR code of its web site.
 */
class CounterOutcomeBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static Tablet tablet;
    private static String agent;

    @BeforeAll
    static void outcomesAndADirectory() {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("services").getJsonObject(0).put("outcomes",
                new JsonArray()
                        .add(new JsonObject().put("id", "complet").put("name", "Dossier complet")
                                .put("translations", new JsonObject().put("en", "Complete file")))
                        .add(new JsonObject().put("id", "piece").put("name", "Pièce manquante")));
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        TestServer.status(server.put("/api/v1/admin/directory/caf-13", server.adminToken(), new JsonObject()
                .put("name", "CAF des Bouches-du-Rhône").put("kind", "Organisme social")
                .put("address", "215 chemin de Gibbes, 13014 Marseille").put("phone", "3230")
                .put("hours", "lun.-ven. 8:30-16:00").put("web", "https://www.caf.fr/")
                .put("keywords", new JsonArray(List.of("RSA", "prime d'activité")))), 201);
        TestServer.status(server.put("/api/v1/admin/directory/prefecture-13", server.adminToken(), new JsonObject()
                .put("name", "Préfecture des Bouches-du-Rhône").put("kind", "État")
                .put("keywords", new JsonArray(List.of("carte grise")))), 201);
        agent = CounterFixture.newAgent(server, "outcome");
        tablet = Tablet.open(server);
    }

    @AfterAll
    static void stop() {
        if (tablet != null) {
            tablet.close();
        }
    }

    private static long callAndStart() {
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        tablet.tap("call-next");
        tablet.waitForMode("called");
        tablet.tap("btn-start");
        tablet.waitForMode("serving");
        return tablet.currentTicketId();
    }

    private static JsonObject finishData(long ticketId) {
        JsonArray events = server.get("/api/v1/tickets/" + ticketId + "/events", server.adminToken()).bodyAsJsonArray();
        return events.stream().map(JsonObject.class::cast).filter(event -> event.getString("kind").equals("FINISH"))
                .findFirst().orElseThrow().getJsonObject("data");
    }

    @Test
    void one_tap_on_an_outcome_then_orient_with_a_search_and_the_screen_shows_where_to_go() {
        tablet.startAt(agent, "c1");
        String tabletTab = tablet.driver.getWindowHandle();

        long first = callAndStart();
        WebElement missing = tablet.driver.findElement(By.id("outcome-piece"));
        assertThat(tablet.text("outcome-choices")).contains("Issue de la visite", "Dossier complet", "Pièce manquante");
        assertThat(missing.getAttribute("aria-pressed")).isEqualTo("false");
        missing.click();
        assertThat(missing.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(Accessibility.violations(tablet.driver)).as("serving, with outcomes").isEmpty();
        tablet.screenshot("counter-outcomes");
        tablet.tap("btn-finish");
        tablet.waitForMode("idle");
        assertThat(finishData(first)).isEqualTo(new JsonObject().put("outcomeId", "piece"));

        // The counter-top screen, in a second tab
        tablet.driver.switchTo().newWindow(WindowType.TAB);
        String screenTab = tablet.driver.getWindowHandle();
        tablet.driver.get(server.baseUrl() + "/display/counter.html?token=" + server.deviceToken("cscreen-1"));
        tablet.waitFor("the counter screen", () -> Boolean.TRUE.equals(tablet.script(Browser.COUNTER_SCREEN_READY)));
        assertThat(tablet.driver.findElement(By.id("orientation")).isDisplayed()).isFalse();
        tablet.driver.switchTo().window(tabletTab);

        long second = callAndStart();
        assertThat(tablet.driver.findElement(By.id("outcome-piece")).getAttribute("aria-pressed"))
                .as("the next visitor starts with no outcome").isEqualTo("false");
        tablet.tap("btn-orient");
        WebElement dialog = tablet.waitFor("the orientation dialog", () -> {
            WebElement found = tablet.driver.findElement(By.id("orient-dialog"));
            return found.isDisplayed() ? found : null;
        });
        tablet.waitFor("every partner", () -> tablet.text("orient-count").equals("2 organismes.") ? true : null);
        dialog.findElement(By.id("orient-search")).sendKeys("rsa");
        tablet.waitFor("the search", () -> tablet.text("orient-count").equals("1 organisme.") ? true : null);
        assertThat(tablet.text("orient-results")).contains("CAF des Bouches-du-Rhône", "Organisme social", "3230")
                .doesNotContain("Préfecture");
        assertThat(Accessibility.violations(tablet.driver)).as("orientation dialog").isEmpty();
        tablet.screenshot("counter-orient-dialog");
        dialog.findElement(By.id("orient-confirm")).click();
        assertThat(tablet.text("orient-error")).isEqualTo("Choisissez l’organisme vers lequel orienter le visiteur.");
        dialog.findElement(By.cssSelector("input[name='orient-partner'][value='caf-13']")).click();
        dialog.findElement(By.id("orient-confirm")).click();
        tablet.waitForBanner("finish");
        assertThat(tablet.bannerText()).contains("orienté vers CAF des Bouches-du-Rhône");
        tablet.waitForMode("idle");
        assertThat(finishData(second)).isEqualTo(new JsonObject().put("orientedTo", "caf-13"));

        tablet.driver.switchTo().window(screenTab);
        tablet.waitFor("the partner on the screen", () -> tablet.driver.findElement(By.id("orientation"))
                .isDisplayed() ? true : null);
        assertThat(tablet.text("orientation")).contains("Pour votre demande, adressez-vous à :",
                "CAF des Bouches-du-Rhône", "Adresse : 215 chemin de Gibbes, 13014 Marseille", "Téléphone : 3230",
                "Site : https://www.caf.fr/");
        tablet.waitFor("the QR code drawn", () -> ((Number) tablet.script(
                "return document.getElementById('orientation-qr').naturalWidth")).intValue() > 0 ? true : null);
        assertThat(tablet.driver.findElement(By.id("orientation-qr")).getAttribute("alt"))
                .isEqualTo("QR code du site https://www.caf.fr/");
        assertThat(Accessibility.violations(tablet.driver)).as("counter screen, oriented").isEmpty();
        Browser.screenshot(tablet.driver, "counter-screen-orientation");

        // The next call takes the details down
        tablet.driver.switchTo().window(tabletTab);
        server.issue(server.tokenOf("kiosk-1"), "svc-a");
        tablet.tap("call-next");
        tablet.driver.switchTo().window(screenTab);
        tablet.waitFor("the next call", () -> tablet.driver.findElement(By.id("orientation")).isDisplayed()
                ? null : true);

        // A supervisor finds both in the day's statistics
        server.agent("outcome.supervisor", "supervisor", "s1");
        tablet.driver.get(server.baseUrl() + "/supervisor/#stats");
        tablet.waitFor("the log-in form", () -> tablet.driver.findElement(By.id("username")).isDisplayed() ? true : null);
        tablet.driver.findElement(By.id("username")).sendKeys("outcome.supervisor");
        tablet.driver.findElement(By.id("password")).sendKeys(TestServer.AGENT_PASSWORD);
        tablet.driver.findElement(By.cssSelector("#login-form button")).click();
        tablet.waitFor("the outcomes chart", () -> Browser.hasChart(tablet.driver, "chart-outcomes") ? true : null);
        tablet.driver.findElement(By.cssSelector("#panel-outcomes summary")).click();
        assertThat(tablet.text("panel-outcomes")).contains("Issues des visites et orientations",
                "2 visiteurs servis sur la période", "Pièce manquante", "issue", "orienté vers", "50 %");
        tablet.driver.switchTo().window(tabletTab);
    }
}
