package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Accessibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * axe-core's WCAG 2.1 A and AA rules on the screens' pages in each of their states (issue 14): the room screen empty,
 * with a call and history, with the deaf visitors' option; the counter-top screen free, calling and closed; the
 * pairing page empty and after a wrong code. Zero violations.
 */
class ScreenAccessibilityTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String agentC1;
    private static String agentC2;

    @BeforeAll
    static void setUp() {
        agentC1 = server.agentAtCounter("axe.agent1", "s1", "c1");
        agentC2 = server.agentAtCounter("axe.agent2", "s1", "c2");
    }

    private static void assertNoViolations(ScreenPage page, String state) {
        assertThat(Accessibility.violations(page.driver())).as(state).isEmpty();
    }

    private static void awaitCalm(ScreenPage page, String id) {
        page.await(Duration.ofSeconds(10), d -> !(Boolean) page.script(
                "return document.getElementById(arguments[0]).classList.contains('flash')", id));
    }

    /** Opens c1 again whatever a test did to it. */
    @org.junit.jupiter.api.AfterEach
    void reopen() {
        server.post("/api/v1/counters/c1/open", agentC1, null);
    }

    @Test
    void the_room_screen_empty_with_calls_and_with_the_deaf_option() {
        String screen = server.tokenOf("screen-1");
        ScreenPage.inBrowser(1920, 1080, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            assertThat(page.text("current-label")).isEqualTo("Bienvenue");
            assertNoViolations(page, "room screen, no call yet");

            JsonObject served = server.issue(agentC2, "svc-a");
            RoomScene.call(server, agentC2, served, "c2");
            RoomScene.start(server, agentC2, served);
            RoomScene.finish(server, agentC2, served);
            JsonObject ticket = server.issue(agentC1, "svc-b");
            RoomScene.call(server, agentC1, ticket, "c1");
            server.issue(agentC1, "svc-a");
            page.await(Duration.ofSeconds(5), d -> ticket.getString("number").equals(page.text("current-number"))
                    && page.text("recent-list").contains(served.getString("number")));
            assertNoViolations(page, "room screen, a new call flashing");
            awaitCalm(page, "current");
            assertNoViolations(page, "room screen, a call and history");

            page.open(server.baseUrl() + "/display/?deaf=1&hold=2");
            page.awaitRoomReady();
            assertThat((Boolean) page.script("return document.body.classList.contains('deaf-option')")).isTrue();
            assertNoViolations(page, "room screen with the deaf option");
            RoomScene.start(server, agentC1, ticket);
            RoomScene.finish(server, agentC1, ticket);
        });
    }

    @Test
    void the_counter_top_screen_free_calling_and_closed() {
        String counterScreen = server.tokenOf("cscreen-1");
        ScreenPage.inBrowser(1024, 600, page -> {
            page.open(server.baseUrl() + "/display/counter.html?token=" + counterScreen);
            page.awaitCounterReady();
            page.await(Duration.ofSeconds(5), d -> "Libre".equals(page.text("status")));
            assertNoViolations(page, "counter-top screen, free");

            JsonObject ticket = server.issue(agentC1, "svc-b");
            RoomScene.call(server, agentC1, ticket, "c1");
            page.await(Duration.ofSeconds(5), d -> ticket.getString("number").equals(page.text("number")));
            assertNoViolations(page, "counter-top screen, calling");
            // Finished and closed at once, within the call's 5 s flash: the flash (yellow behind the card) ends with
            // the call, or « Fermé » in white would flash on yellow.
            RoomScene.start(server, agentC1, ticket);
            RoomScene.finish(server, agentC1, ticket);
            ok(server.post("/api/v1/counters/c1/close", agentC1, null));
            page.await(Duration.ofSeconds(5), d -> "Fermé".equals(page.text("status")));
            assertThat((Boolean) page.script("return document.body.classList.contains('flash')")).isFalse();
            assertNoViolations(page, "counter-top screen, closed");
            ok(server.post("/api/v1/counters/c1/open", agentC1, null));
        });
    }

    @Test
    void the_pairing_page_empty_and_after_a_wrong_code() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/pair");
            page.await(Duration.ofSeconds(5), d -> !page.text("pair-title").isEmpty());
            assertNoViolations(page, "pairing page, empty");

            page.driver().findElement(By.id("pair-code")).sendKeys("ZZZZ-ZZZZ", Keys.ENTER);
            page.await(Duration.ofSeconds(10), d -> "failed".equals(page.script("return window.guichetPairing.status")));
            System.out.println("pairing page says: " + page.text("pair-message"));
            assertThat(page.text("pair-message")).isNotBlank();
            assertNoViolations(page, "pairing page, a wrong code");
        });
    }
}
