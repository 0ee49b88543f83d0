package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A new contact point set up from the administration app alone, in real Chromium against a real server, no restart:
 * a site made from the head office's template, a waiting room added in building B on the first floor with a counter
 * and a screen, an agent created, the screen and the kiosk paired with codes; then the new kiosk's menu is there and
 * the new screen shows the call the new agent makes.
 */
class NetworkSetUpBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver driver;

    @BeforeAll
    static void openBrowser() {
        driver = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static WebElement shown(String css) {
        return Browser.shown(driver, css);
    }

    private static void type(String id, String text) {
        WebElement field = shown("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    private static void tab(String view) {
        driver.findElement(By.id("tab-" + view)).click();
        shown("#" + view + "-view");
    }

    @Test
    void an_administrator_opens_a_new_contact_point_from_the_app_alone() {
        driver.get(server.baseUrl() + "/admin/");
        type("username", "admin");
        type("password", TestServer.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        shown("#sites tbody tr");

        // 1. The head office becomes a template, and a new site is made from it.
        tab("templates");
        new Select(shown("#template-save-site")).selectByValue("s1");
        type("template-save-id", "siege");
        type("template-save-name", "Siège");
        driver.findElement(By.cssSelector("#template-save button[type=submit]")).click();
        Eventually.await("the template listed", () -> driver.findElements(By.cssSelector("tr[data-template='siege']")),
                found -> !found.isEmpty());
        new Select(shown("#site-new-template")).selectByValue("siege");
        type("site-new-id", "maison-1");
        type("site-new-name", "Maison des services – Carmaux");
        type("site-new-address", "3 place Jean Jaurès, Carmaux");
        driver.findElement(By.cssSelector("#site-new button[type=submit]")).click();
        shown("#site-created");
        Browser.screenshot(driver, "network-1-site-from-template");

        // 2. A waiting room in building B, first floor, with its counter and screen: the exported file, edited.
        String exported = server.get("/api/v1/admin/deployment?format=yaml", server.adminToken()).bodyAsString();
        int start = exported.indexOf("- id: maison-1");
        int end = exported.indexOf("\n  - id: ", start + 1);
        String site = exported.substring(start, end < 0 ? exported.length() : end);
        String edited = site
                .replaceFirst("    rooms:\n", """
                            rooms:
                              - id: salle-b
                                name: Salle B
                                building: Bâtiment B
                                floor: 1er étage
                                directions: Suivre la ligne verte
                        """)
                .replaceFirst("    counters:\n", """
                            counters:
                              - id: g9
                                name: Guichet 9
                                room: salle-b
                                services: [svc-a]
                        """)
                .replaceFirst("    devices:\n", """
                            devices:
                              - id: ecran-b
                                kind: screen
                                name: Écran salle B
                                room: salle-b
                        """);
        tab("deployment");
        WebElement text = shown("#import-text");
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                text, "sites:\n  " + edited);
        driver.findElement(By.id("import-check")).click();
        Eventually.await("the check", () -> shown(".site-changes[data-site='maison-1']").getText(),
                shown -> shown.contains("Ajouté : salle salle-b"));
        driver.findElement(By.id("import-apply")).click();
        shown("#import-applied");

        // 3. An agent for the new site.
        tab("agents");
        type("agent-new-username", "agent.carmaux");
        type("agent-new-name", "Camille Martin");
        new Select(driver.findElement(By.id("agent-new-role"))).selectByValue("agent");
        driver.findElement(By.cssSelector("input.agent-new-site[value='maison-1']")).click();
        type("agent-new-password", TestServer.INITIAL_AGENT_PASSWORD);
        driver.findElement(By.cssSelector("#agent-new button[type=submit]")).click();
        shown("tr[data-agent='agent.carmaux']");

        // 4. The screen and the kiosk paired with codes.
        tab("devices");
        new Select(shown("#devices-site")).selectByValue("maison-1");
        driver.findElement(By.cssSelector("#devices-filters button[type=submit]")).click();
        shown("tr[data-device='ecran-b'] button[data-action='pair']").click();
        String screenCode = shown("#pairing-code").getText();
        String screenUrl = shown("[data-pairing='ecran-b'] code").getText();
        Browser.screenshot(driver, "network-2-pairing");
        shown("tr[data-device='maison-1:kiosk-1'] button[data-action='pair']").click();
        Eventually.await("the kiosk's code", () -> shown("#pairing-code").getText(),
                code -> !code.equals(screenCode));
        String kioskCode = shown("#pairing-code").getText();
        String admin = driver.getWindowHandle();

        driver.switchTo().newWindow(WindowType.WINDOW);
        ScreenPage screen = new ScreenPage(driver);
        screen.open(screenUrl);
        screen.awaitRoomReady();
        assertThat(screen.text("room-name")).isEqualTo("Salle B");

        JsonObject kioskPaired = ok(server.post("/api/v1/devices/pair", null, new JsonObject().put("code", kioskCode)));
        String kiosk = kioskPaired.getString("token");
        JsonObject menu = ok(server.get("/api/v1/sites/maison-1/menu", kiosk));
        assertThat(menu.getJsonObject("site").getString("name")).isEqualTo("Maison des services – Carmaux");
        assertThat(menu.getJsonArray("entries")).isNotEmpty();

        // 5. A visitor's ticket, called by the new agent at the new counter, reaches the new screen.
        String agent = server.firstLogin("agent.carmaux");
        ok(server.post("/api/v1/counters/g9/open", agent, null));
        JsonObject ticket = server.issue(kiosk, "maison-1:svc-a");
        ok(server.post("/api/v1/counters/g9/call-next", agent, null));
        screen.await(Duration.ofSeconds(15), d -> ticket.getString("number").equals(screen.text("current-number"))
                ? true : null);
        assertThat(screen.text("current-counter")).contains("Guichet 9");
        Browser.screenshot(driver, "network-3-screen-called");
        driver.close();
        driver.switchTo().window(admin);

        tab("audit");
        Eventually.await("the audit log", () -> shown("#audit tbody").getText(),
                shown -> shown.contains("Appareil appairé") && shown.contains("Création d’un agent"));
    }
}
