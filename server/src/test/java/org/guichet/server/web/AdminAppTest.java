package org.guichet.server.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration app in real headless Chromium against a real server. */
class AdminAppTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void logOut() {
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    private static WebElement shown(String css) {
        return Browser.shown(browser, css);
    }

    private static void waitForText(String css, String text) {
        Eventually.await(css + " reading " + text, () -> shown(css).getText(), shown -> shown.contains(text));
    }

    private static void logIn(String username, String password) {
        browser.get(server.baseUrl() + "/admin/");
        shown("#username").sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    private static List<String> siteRows() {
        shown("#sites tbody tr");
        return browser.findElements(By.cssSelector("#sites tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-site")).toList();
    }

    @Test
    void an_administrator_checks_an_import_applies_it_and_finds_it_in_the_audit_log() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        assertThat(siteRows()).contains("s1", "s2");
        assertThat(shown("#sites tr[data-site='s1'] .hours").getText()).isEqualTo("Toujours ouvert (aucun horaire)");
        Browser.screenshot(browser, "admin-sites");

        String exported = server.get("/api/v1/admin/deployment?format=yaml", server.adminToken()).bodyAsString();
        int s2 = exported.indexOf("- id: s2");
        String edited = exported.substring(0, s2) + exported.substring(s2)
                .replace("name: Site Deux", "name: Site Deux – rénové")
                .replace("openingHours: {}", "openingHours:\n      mon: 08:30-12:00, 13:30-17:00");
        browser.findElement(By.id("tab-deployment")).click();
        WebElement text = shown("#import-text");
        browser.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                text, edited);
        assertThat(browser.findElement(By.id("import-apply")).isEnabled()).isFalse();
        browser.findElement(By.id("import-check")).click();

        waitForText(".site-changes[data-site='s2']", "Modifié : site s2");
        assertThat(shown(".site-changes[data-site='s2']").getText()).contains("name : Site Deux → Site Deux – rénové");
        assertThat(shown(".site-changes[data-site='s1']").getText()).contains("Aucun changement");
        Browser.screenshot(browser, "admin-import-checked");
        assertThat(ok("/api/v1/sites/s2").getString("name")).as("a check writes nothing").isEqualTo("Site Deux");
        browser.findElement(By.id("import-apply")).click();

        shown("#import-applied");
        assertThat(ok("/api/v1/sites/s2").getString("name")).isEqualTo("Site Deux – rénové");
        browser.findElement(By.id("tab-sites")).click();
        waitForText("#sites tr[data-site='s2'] button[data-action='edit']", "Site Deux – rénové");

        browser.findElement(By.id("tab-audit")).click();
        waitForText("#audit tbody", "Déploiement");
        WebElement entry = browser.findElements(By.cssSelector("#audit tbody tr")).get(0);
        assertThat(entry.getText()).contains("admin").contains("site s2").contains("name : Site Deux → Site Deux – rénové");
        Browser.screenshot(browser, "admin-audit");

        browser.findElement(By.id("language")).click();
        waitForText("#tab-audit", "Audit log");
        assertThat(shown("#audit tbody tr").getText()).contains("Deployment");
    }

    @Test
    void an_empty_site_is_made_then_filled_from_its_own_form() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        shown("#blank-id").sendKeys("annexe");
        browser.findElement(By.id("blank-name")).sendKeys("Annexe de Gaillac");
        browser.findElement(By.cssSelector("#site-new-blank button[type=submit]")).click();

        waitForText("#site-edit-title", "Annexe de Gaillac");
        assertThat(ok("/api/v1/sites/annexe").getString("timeZone")).isEqualTo("Europe/Paris");
        browser.findElement(By.id("room-code")).sendKeys("hall");
        browser.findElement(By.id("room-name")).sendKeys("Hall");
        browser.findElement(By.cssSelector("#room-form button[type=submit]")).click();
        shown("#site-rooms tr[data-room='hall']");
    }

    @Test
    void a_site_administrator_sees_only_their_site_and_a_supervisor_is_turned_away() {
        server.agent("admin.s1", "admin", "s1");
        server.agent("super.s1", "supervisor", "s1");

        logIn("super.s1", TestServer.AGENT_PASSWORD);
        waitForText("#login-error", "n’est pas un compte d’administrateur");

        logIn("admin.s1", TestServer.AGENT_PASSWORD);
        assertThat(siteRows()).containsExactly("s1");
        assertThat(shown("#who").getText()).isEqualTo("admin.s1 – s1");
        assertThat(browser.findElement(By.id("tab-directory")).isDisplayed())
                .as("the directory is the whole network's").isFalse();
    }

    @Test
    void a_network_administrator_keeps_the_orientation_directory_and_a_services_outcomes() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        shown("#tab-directory").click();
        shown("#partner-form");
        for (String[] field : new String[][] {{"partner-id", "caf-81"}, {"partner-name", "CAF du Tarn"},
                {"partner-kind", "Organisme social"}, {"partner-phone", "3230"},
                {"partner-web", "https://www.caf.fr/"}, {"partner-keywords", "RSA, prime d'activité"}}) {
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        browser.findElement(By.cssSelector("#partner-form button[type=submit]")).click();
        waitForText("#partner-saved", "« CAF du Tarn » est enregistré.");
        waitForText("#partners tr[data-partner='caf-81']", "Actif");
        JsonObject stored = ok("/api/v1/admin/directory").getJsonArray("partners").getJsonObject(0);
        assertThat(stored.getJsonArray("keywords")).containsExactly("RSA", "prime d'activité");
        assertThat(stored.getString("web")).isEqualTo("https://www.caf.fr/");

        shown("#partners tr[data-partner='caf-81'] button.row-link").click();
        assertThat(browser.findElement(By.id("partner-id")).getDomProperty("readOnly")).isEqualTo("true");
        browser.findElement(By.id("partner-active")).click();
        browser.findElement(By.cssSelector("#partner-form button[type=submit]")).click();
        waitForText("#partners tr[data-partner='caf-81']", "Désactivé");
        assertThat(ok("/api/v1/admin/directory").getJsonArray("partners").getJsonObject(0).getBoolean("active"))
                .isFalse();

        browser.get(server.baseUrl() + "/admin/#sites");
        shown("#sites tr[data-site='s1'] button[data-action='edit']").click();
        Browser.click(browser, By.cssSelector("#site-services tr[data-service='svc-a'] button"));
        WebElement outcomes = shown("#service-outcomes");
        outcomes.sendKeys("complet = Dossier complet | Complete file\npiece = Pièce manquante");
        browser.findElement(By.cssSelector("#service-form button[type=submit]")).click();
        Eventually.await("the outcomes stored", () -> ok("/api/v1/sites/s1").getJsonArray("services").stream()
                .map(JsonObject.class::cast).filter(service -> service.getString("id").equals("svc-a")).findFirst()
                .orElseThrow().getJsonArray("outcomes"), found -> found != null && found.size() == 2);
        JsonArray saved = ok("/api/v1/sites/s1").getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(service -> service.getString("id").equals("svc-a")).findFirst().orElseThrow()
                .getJsonArray("outcomes");
        assertThat(saved.getJsonObject(0)).isEqualTo(new JsonObject().put("id", "complet")
                .put("name", "Dossier complet").put("translations", new JsonObject().put("en", "Complete file")));
        assertThat(saved.getJsonObject(1).getString("name")).isEqualTo("Pièce manquante");
        Browser.click(browser, By.cssSelector("#site-services tr[data-service='svc-a'] button"));
        assertThat(shown("#service-outcomes").getDomProperty("value"))
                .isEqualTo("complet = Dossier complet | Complete file\npiece = Pièce manquante");
    }

    @Test
    void an_edit_made_over_a_colleagues_change_is_refused_and_shows_the_account_as_now_stored() {
        server.agent("edited.agent", "agent", "s1");
        logIn("admin", TestServer.ADMIN_PASSWORD);
        shown("#tab-agents").click();
        shown("tr[data-agent='edited.agent'] button[data-action='edit']").click();
        shown("#agent-edit-name");

        long id = server.sql("SELECT id FROM agent WHERE username = 'edited.agent'").get(0).getLong(0);
        JsonObject current = ok("/api/v1/admin/agents/" + id);
        TestServer.ok(server.send(HttpMethod.PATCH, "/api/v1/admin/agents/" + id,
                server.adminToken(), new JsonObject().put("version", current.getInteger("version"))
                        .put("displayName", "Changed by a colleague")));
        WebElement name = browser.findElement(By.id("agent-edit-name"));
        name.clear();
        name.sendKeys("My change");
        browser.findElement(By.cssSelector("#agent-edit-form button[type=submit]")).click();

        waitForText("#agent-edit-error", "Quelqu’un a modifié ce compte entre-temps");
        assertThat(browser.findElement(By.id("agent-edit-name")).getDomProperty("value"))
                .isEqualTo("Changed by a colleague");
        assertThat(ok("/api/v1/admin/agents/" + id).getString("displayName")).isEqualTo("Changed by a colleague");
        browser.findElement(By.cssSelector("#agent-edit .cancel")).click();

        shown("tr[data-agent='edited.agent'] button[data-action='deactivate']").click();
        waitForText("#agents-notice", "désactivé");
        assertThat(ok("/api/v1/admin/agents/" + id).getBoolean("active")).isFalse();
        assertThat(server.post("/api/v1/auth/login", null, new JsonObject().put("username", "edited.agent")
                .put("password", TestServer.AGENT_PASSWORD)).statusCode()).isEqualTo(401);
    }

    @Test
    void an_administrator_edits_a_sites_hours_and_adds_a_room_in_building_b_without_a_file() {
        logIn("admin", TestServer.ADMIN_PASSWORD);
        shown("#sites tr[data-site='s1'] button[data-action='edit']").click();
        WebElement monday = shown("#hours-mon");
        monday.clear();
        monday.sendKeys("08:30-12:00, 13:30-17:00");
        WebElement cutOff = browser.findElement(By.id("site-cutoff"));
        cutOff.clear();
        cutOff.sendKeys("15");
        browser.findElement(By.id("site-special")).sendKeys("2026-12-24 08:30-12:00\n2026-12-31");
        browser.findElement(By.id("site-open-holidays")).sendKeys("2027-05-08");
        assertThat(browser.findElement(By.id("site-footer")).getDomProperty("value")).isEqualTo("Accessible");
        browser.findElement(By.id("site-footer-es")).sendKeys("Accesible");
        browser.findElement(By.cssSelector("#site-form button[type=submit]")).click();
        waitForText("#site-saved", "Enregistré");

        JsonObject s1 = ok("/api/v1/sites/s1");
        assertThat(s1.getJsonObject("openingHours").getString("mon")).isEqualTo("08:30-12:00, 13:30-17:00");
        assertThat(s1.getJsonObject("calendar").getInteger("lastTicketMinutesBeforeClosing")).isEqualTo(15);
        assertThat(s1.getJsonObject("calendar").getJsonObject("specialHours"))
                .isEqualTo(new JsonObject().put("2026-12-24", "08:30-12:00").put("2026-12-31", ""));
        assertThat(s1.getJsonObject("calendar").getJsonArray("openOnHolidays")).containsExactly("2027-05-08");
        assertThat(s1.getJsonObject("calendar").getString("publicHolidays")).isEqualTo("FR");
        assertThat(s1.getString("name")).as("what was not touched stays").isEqualTo("Site Un – bâtiment A");
        assertThat(s1.getString("footer")).isEqualTo("Accessible");
        assertThat(s1.getJsonObject("translations")).isEqualTo(new JsonObject()
                .put("es", new JsonObject().put("footer", "Accesible")));

        for (String[] field : new String[][] {{"room-code", "salle-b"}, {"room-name", "Salle B"},
                {"room-building", "Bâtiment B"}, {"room-floor", "1er étage"}, {"room-directions", "Ligne verte"}}) {
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        browser.findElement(By.cssSelector("#room-form button[type=submit]")).click();
        shown("#site-rooms tr[data-room='salle-b']");
        assertThat(ok("/api/v1/sites/s1").getJsonArray("rooms").stream().map(JsonObject.class::cast)
                .filter(room -> room.getString("id").equals("salle-b"))
                .findFirst().orElseThrow().getString("building")).isEqualTo("Bâtiment B");
        Browser.screenshot(browser, "admin-site-edit");

        new Select(browser.findElement(By.id("plan-room"))).selectByValue("salle-b");
        browser.findElement(By.id("plan-file")).sendKeys(planImage().toString());
        browser.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        Eventually.await("the plan stored", () -> server.get("/api/v1/public/rooms/salle-b/plan", null).statusCode(),
                status -> status == 200);

        for (String[] field : new String[][] {{"service-code", "svc-d"}, {"service-name", "Service D"},
                {"service-prefix", "D"}, {"service-target", "12"}, {"service-en", "Service D (en)"}}) {
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        new Select(browser.findElement(By.id("service-room"))).selectByValue("salle-b");
        browser.findElement(By.cssSelector("#service-form button[type=submit]")).click();
        shown("#site-services tr[data-service='svc-d']");
        browser.findElement(By.id("service-code")).sendKeys("o-caf");
        new Select(browser.findElement(By.id("service-kind"))).selectByValue("orientation");
        browser.findElement(By.id("service-name")).sendKeys("Allocations familiales");
        shown("#orientation-authority").sendKeys("CAF du Tarn");
        browser.findElement(By.id("orientation-address")).sendKeys("2 rue de la CAF\n81000 Albi");
        browser.findElement(By.id("orientation-website")).sendKeys("caf.fr");
        browser.findElement(By.cssSelector("#service-form button[type=submit]")).click();
        shown("#site-services tr[data-service='o-caf']");
        for (String[] field : new String[][] {{"counter-code", "c4"}, {"counter-name", "Guichet 4"},
                {"counter-services", "svc-d, svc-a"}}) {
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        new Select(browser.findElement(By.id("counter-room"))).selectByValue("salle-b");
        browser.findElement(By.cssSelector("#counter-form button[type=submit]")).click();
        shown("#site-counters tr[data-counter='c4']");
        JsonObject layout = ok("/api/v1/sites/s1");
        JsonObject counter = layout.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals("c4")).findFirst().orElseThrow();
        assertThat(counter.getJsonArray("serviceIds")).containsExactly("svc-d", "svc-a");
        assertThat(counter.getString("roomId")).isEqualTo("salle-b");
        browser.findElement(By.id("device-code")).sendKeys("screen-b");
        new Select(browser.findElement(By.id("device-kind"))).selectByValue("screen");
        browser.findElement(By.id("device-name")).sendKeys("Écran salle B");
        new Select(browser.findElement(By.id("device-room"))).selectByValue("salle-b");
        browser.findElement(By.cssSelector("#device-form button[type=submit]")).click();
        shown("#site-devices tr[data-site-device='screen-b']");
        String screenToken = shown("#site-tokens .tokens code").getText();
        assertThat(TestServer.ok(server.get("/api/v1/auth/me", screenToken)).getString("roomId")).isEqualTo("salle-b");
        JsonObject menu = TestServer.ok(server.get("/api/v1/sites/s1/menu", server.tokenOf("kiosk-1")));
        JsonObject serviceD = menu.getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("id").equals("svc-d")).findFirst().orElseThrow();
        assertThat(serviceD.getString("prefix")).isEqualTo("D");
        assertThat(serviceD.getInteger("targetWaitMinutes")).isEqualTo(12);
        assertThat(serviceD.getJsonObject("translations").getString("en")).isEqualTo("Service D (en)");
        JsonObject caf = menu.getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("id").equals("o-caf")).findFirst().orElseThrow();
        assertThat(caf.getJsonObject("orientation")).isEqualTo(new JsonObject().put("authority", "CAF du Tarn")
                .put("address", new JsonArray().add("2 rue de la CAF").add("81000 Albi"))
                .put("website", "caf.fr"));

        // A colleague changes the site meanwhile: saving over the older revision is refused and says so.
        JsonObject now = TestServer.ok(server.get("/api/v1/admin/sites/s1", server.adminToken()));
        TestServer.ok(server.put("/api/v1/admin/sites/s1", server.adminToken(), now.put("footer", "Par un collègue")));
        WebElement name = browser.findElement(By.id("site-name"));
        name.clear();
        name.sendKeys("Site Un renommé");
        browser.findElement(By.cssSelector("#site-form button[type=submit]")).click();
        waitForText("#site-error", "Quelqu’un a modifié ce site entre-temps");
        assertThat(ok("/api/v1/sites/s1").getString("name")).isEqualTo("Site Un – bâtiment A");
        assertThat(ok("/api/v1/sites/s1").getString("footer")).isEqualTo("Par un collègue");
    }

    private static Path planImage() {
        try {
            BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
            Path file = Files.createTempFile("plan-", ".png");
            ImageIO.write(image, "png", file.toFile());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject ok(String path) {
        return TestServer.ok(server.get(path, server.adminToken()));
    }
}
