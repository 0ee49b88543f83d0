package org.guichet.kiosk.web;

import com.deque.html.axecore.selenium.AxeBuilder;
import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.testing.FakeEscPosPrinter;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core's WCAG 2.1 A and AA rules on the kiosk's touch UI in each of its states, in real Chromium on a portrait
 * 1080×1920 kiosk; in the accessible mode also the AAA contrast rule (7:1). One browser for the class.
 */
class KioskAccessibilityTest {

    private static KioskPage page;

    @RegisterExtension
    final KioskExtension kiosk = new KioskExtension();

    @BeforeAll
    static void openBrowser() {
        page = new KioskPage(1080, 1920);
    }

    @AfterAll
    static void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    private void givenAKiosk(JsonObject config) {
        kiosk.start(config);
        page.open(kiosk.url());
    }

    private static void assertNoViolations(String state) {
        assertThat(Accessibility.violations(page.driver())).as("axe on the kiosk's " + state).isEmpty();
    }

    private static void assertContrastOfSevenToOne(String state) {
        List<String> failing = new AxeBuilder().withRules(List.of("color-contrast-enhanced")).analyze(page.driver())
                .getViolations().stream().map(rule -> rule.getId() + " " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).toList()).toList();
        assertThat(failing).as("7:1 contrast on the accessible " + state).isEmpty();
    }

    @Test
    void home_sub_menu_and_confirmation() {
        givenAKiosk(kiosk.config());
        page.waitFor("button[data-entry='m1']");
        assertNoViolations("home");

        page.waitFor("button[data-entry='m1']").click();
        page.waitFor("button[data-entry='svc-c']");
        assertNoViolations("sub-menu");

        page.waitFor("button[data-entry='svc-c']").click();
        page.waitFor("#take-ticket");
        assertNoViolations("confirmation");
    }

    @Test
    void orientation_entry() {
        givenAKiosk(kiosk.config());
        page.waitFor("button[data-entry='o1']").click();
        page.waitFor("#take-slip");

        assertNoViolations("orientation slip screen");
    }

    @Test
    void closed() {
        kiosk.closedTodayAndTomorrow();
        givenAKiosk(kiosk.config());
        page.waitFor("#closed");

        assertNoViolations("closed screen");
    }

    @Test
    void printer_down_then_server_down() throws Exception {
        FakeEscPosPrinter printer = kiosk.networkPrinter().paperOut();
        givenAKiosk(kiosk.config(printer.connectionSpec()));
        page.waitFor("#fault");
        assertNoViolations("printer fault screen");

        printer.paperLoaded();
        page.waitFor("button[data-entry='svc-a']");
        kiosk.stopServer();
        page.waitForText("#fault", "La borne n’est pas reliée");
        assertNoViolations("server fault screen");
    }

    @Test
    void accessible_mode_on_home_and_confirmation() {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(0)
                .put("building", "Bâtiment B").put("floor", "1er étage").put("directions", "Suivre la ligne verte")
                .put("translations", new JsonObject().put("es", new JsonObject().put("name", "Sala 1")
                        .put("directions", "Siga la línea verde.")));
        TestServer.ok(kiosk.server().put("/api/v1/admin/deployment", kiosk.server().adminToken(), deployment));
        givenAKiosk(kiosk.config());
        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(true);
        page.waitFor("button[data-entry='svc-a']");
        assertNoViolations("accessible home");
        assertContrastOfSevenToOne("home");

        page.waitFor("button[data-lang='es']").click();
        page.waitForText("#prompt", "¿Por qué viene?");
        page.waitFor("button[data-entry='svc-a']").click();
        page.waitFor("#take-ticket");
        assertThat(page.text("#wait-in")).isEqualTo("Espere en: Sala 1, Bâtiment B, 1er étage. Siga la línea verde.");
        assertNoViolations("accessible confirmation, in Spanish (the longest wording)");
        assertContrastOfSevenToOne("confirmation");
    }

    @Test
    void privacy_notice_in_the_visitors_language_usual_and_accessible() {
        givenAKiosk(kiosk.config());
        page.waitFor("button[data-lang='oc']").click();
        page.waitFor("#privacy-open").click();
        page.waitForText("#privacy-title", "Vòstras donadas personalas");
        assertThat(page.text("#privacy-facts")).contains("Vòstre tiquet pòrta pas vòstre nom.");
        assertThat(page.text("#privacy-address")).endsWith("https://guichet.example.test/confidentialite");
        assertNoViolations("privacy notice, in Occitan");

        page.waitFor("#privacy-close").click();
        page.waitFor("button[data-entry='svc-a']");
        page.waitFor("#accessible").click();
        page.awaitAccessibleMode(true);
        page.waitFor("#privacy-open").click();
        page.waitFor("#privacy-facts");
        assertNoViolations("accessible privacy notice");
        assertContrastOfSevenToOne("privacy notice");
    }
}
