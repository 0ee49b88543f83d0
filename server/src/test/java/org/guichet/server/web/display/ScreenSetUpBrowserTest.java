package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Setting up screens in real headless Chromium against a real server: pairing with a code (opened from the address
 * the administrator was given, or typed with the keyboard, errors in plain French and English), and a running
 * screen following a renamed room, service or counter without reloading.
 */
class ScreenSetUpBrowserTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);
    private static ChromeDriver driver;
    private static ScreenPage page;

    @BeforeAll
    static void openBrowser() {
        driver = Browser.open(1280, 720);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 720,
                "deviceScaleFactor", 1, "mobile", false));
        page = new ScreenPage(driver);
    }

    @AfterAll
    static void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Each test starts as a screen never set up in this browser. */
    @BeforeEach
    void forgetEverything() {
        page.open(server.baseUrl() + "/health");
        page.script("localStorage.clear()");
    }

    private static JsonObject startPairing(String deviceId) {
        return TestServer.status(server.post("/api/v1/admin/devices/" + deviceId + "/pairing", server.adminToken(),
                null), 201).bodyAsJsonObject();
    }

    private static String storedToken(String storageKey) {
        String stored = (String) page.script("return localStorage.getItem(arguments[0])", storageKey);
        return stored == null ? null : new JsonObject(stored).getString("token");
    }

    private static String message() {
        return page.text("pair-message");
    }

    private static void type(String code) {
        var input = driver.findElement(By.id("pair-code"));
        input.clear();
        input.sendKeys(code, Keys.ENTER);
    }

    private static void awaitMessage(String expected) {
        page.await(Duration.ofSeconds(10), d -> message().contains(expected)
                && "failed".equals(page.script("return window.guichetPairing.status")));
    }

    @Test
    void a_screen_opens_the_address_it_was_given_once_and_shows_its_room_from_then_on() {
        JsonObject pairing = startPairing("screen-1b");
        page.open(pairing.getString("url"));
        page.awaitRoomReady();
        assertThat(page.text("room-name")).isEqualTo("Salle 1 bis");
        assertThat(driver.getCurrentUrl()).isEqualTo(server.baseUrl() + "/display/");
        String token = storedToken("guichet.display");
        assertThat(ok(server.get("/api/v1/auth/me", token)).getString("deviceId")).isEqualTo("screen-1b");

        page.open(server.baseUrl() + "/display/");
        page.awaitRoomReady();
        assertThat(page.text("room-name")).isEqualTo("Salle 1 bis");

        JsonObject counter = startPairing("cscreen-1");
        page.open(counter.getString("url"));
        page.awaitCounterReady();
        assertThat(driver.getCurrentUrl()).isEqualTo(server.baseUrl() + "/display/counter.html");
        assertThat(page.text("counter-name")).isEqualTo("Guichet 1");
        assertThat(ok(server.get("/api/v1/auth/me", storedToken("guichet.counterScreen"))).getString("deviceId"))
                .isEqualTo("cscreen-1");
    }

    @Test
    void a_code_typed_with_the_keyboard_and_every_refusal_said_plainly_in_french_and_english() {
        page.open(server.baseUrl() + "/display/pair?lang=fr");
        page.await(Duration.ofSeconds(10), d -> "pair-code".equals(page.script("return document.activeElement.id")));
        assertThat(page.text("pair-title")).isEqualTo("Associer cet écran");

        type("zzzz-zzzz");
        awaitMessage("Ce code n’est pas reconnu.");
        assertThat(driver.findElement(By.id("pair-code")).getAttribute("aria-invalid")).isEqualTo("true");
        driver.findElement(By.id("lang-en")).click();
        assertThat(message()).isEqualTo("This code is not recognised. Check the characters, or ask for a new code.");
        assertThat(page.text("pair-title")).isEqualTo("Pair this screen");

        type("abc");
        awaitMessage("This code does not have the right form");

        JsonObject kiosk = startPairing("kiosk-1");
        type(kiosk.getString("displayCode"));
        awaitMessage("This code belongs to a kiosk, not a screen.");

        JsonObject used = startPairing("screen-1");
        ok(server.post("/api/v1/devices/pair", null, new JsonObject().put("code", used.getString("code"))));
        type(used.getString("code"));
        awaitMessage("This code has already been used.");

        // The kiosk's code was left for the kiosk.
        assertThat(ok(server.post("/api/v1/devices/pair", null, new JsonObject().put("code", kiosk.getString("code"))))
                .getString("deviceId")).isEqualTo("kiosk-1");

        JsonObject late = startPairing("screen-2");
        clock.advance(Duration.ofMinutes(10));
        driver.findElement(By.id("lang-fr")).click();
        type(late.getString("code"));
        awaitMessage("Ce code a expiré (il vaut 10 minutes).");
        assertThat(storedToken("guichet.display")).isNull();
    }

    @Test
    void a_running_screen_shows_a_renamed_room_service_and_counter_without_reloading() {
        JsonObject original = TestServer.deployment();
        JsonObject renamed = original.copy();
        JsonObject s1 = renamed.getJsonArray("sites").getJsonObject(0);
        s1.getJsonArray("rooms").getJsonObject(0).put("name", "Salle Une");
        s1.getJsonArray("services").getJsonObject(0).put("name", "Service Alpha");
        s1.getJsonArray("counters").getJsonObject(0).put("name", "Guichet Un");
        try {
            page.open(server.baseUrl() + "/display/?token=" + server.deviceToken("screen-1"));
            page.awaitRoomReady();
            assertThat(page.text("room-name")).isEqualTo("Salle 1");
            assertThat(page.text("waiting-list")).contains("Service A");
            page.script("window.sameDocument = true");

            ok(server.put("/api/v1/admin/deployment", server.adminToken(), renamed));
            page.await(Duration.ofSeconds(10), d -> page.text("room-name").equals("Salle Une")
                    && page.text("waiting-list").contains("Service Alpha"));
            assertThat(page.script("return window.sameDocument")).isEqualTo(true);
            assertThat(((Number) page.script("return window.guichetDisplay.catalogChanges")).intValue())
                    .isGreaterThanOrEqualTo(1);

            page.open(server.baseUrl() + "/display/counter.html?token=" + server.deviceToken("cscreen-1"));
            page.awaitCounterReady();
            assertThat(page.text("counter-name")).isEqualTo("Guichet Un");
            page.script("window.sameDocument = true");
            ok(server.put("/api/v1/admin/deployment", server.adminToken(), original));
            page.await(Duration.ofSeconds(10), d -> page.text("counter-name").equals("Guichet 1"));
            assertThat(page.script("return window.sameDocument")).isEqualTo(true);
        } finally {
            ok(server.put("/api/v1/admin/deployment", server.adminToken(), original));
        }
    }
}
