package org.guichet.server.web.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.TestServer;
import org.guichet.server.web.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** The waiting-room and counter-top screens in real headless Chromium, against a real server. */
class DisplayScreenTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String screen1;
    private static String screen1b;
    private static String agent1;
    private static String agent2;
    private static String agent3;

    @BeforeAll
    static void setUp() {
        screen1 = server.deviceToken("screen-1");
        screen1b = server.deviceToken("screen-1b");
        agent1 = server.agentAtCounter("display.agent1", "s1", "c1");
        agent2 = server.agentAtCounter("display.agent2", "s1", "c2");
        agent3 = server.agentAtCounter("display.agent3", "s1", "c3");
    }

    private static void withBrowser(int width, int height, Consumer<ScreenPage> test) {
        ScreenPage.inBrowser(width, height, test);
    }

    private static JsonObject call(TestServer on, String agent, JsonObject ticket, String counterId) {
        return ok(on.post("/api/v1/tickets/" + ticket.getLong("id") + "/call", agent,
                new JsonObject().put("counterId", counterId)));
    }

    private static void serve(TestServer on, String agent, JsonObject ticket) {
        ok(on.post("/api/v1/tickets/" + ticket.getLong("id") + "/start", agent, null));
        ok(on.post("/api/v1/tickets/" + ticket.getLong("id") + "/finish", agent, null));
    }

    @Test
    void a_call_appears_on_its_rooms_screen_within_a_second_and_not_on_another_rooms() {
        withBrowser(1280, 720, room1 -> withBrowser(1280, 720, room1b -> {
            room1.open(server.baseUrl() + "/display/?token=" + screen1);
            room1b.open(server.baseUrl() + "/display/?token=" + screen1b);
            room1.awaitRoomReady();
            room1b.awaitRoomReady();

            JsonObject ticket = server.issue(agent1, "svc-a");
            long before = System.nanoTime();
            call(server, agent1, ticket, "c1");
            long apiMillis = (System.nanoTime() - before) / 1_000_000;
            room1.await(Duration.ofSeconds(1), d -> ticket.getString("number").equals(room1.text("current-number")));
            long millis = (System.nanoTime() - before) / 1_000_000;
            System.out.println("call to room screen: " + millis + " ms (API answered after " + apiMillis + " ms)");
            assertThat(room1.text("current-counter")).isEqualTo("Guichet 1");

            JsonObject other = server.issue(agent3, "svc-c");
            call(server, agent3, other, "c3");
            room1b.await(Duration.ofSeconds(1), d -> other.getString("number").equals(room1b.text("current-number")));
            assertThat(room1b.bodyText()).doesNotContain(ticket.getString("number"));
            assertThat(room1.bodyText()).doesNotContain(other.getString("number"));
            assertThat(room1.text("current-number")).isEqualTo(ticket.getString("number"));

            serve(server, agent1, ticket);
            serve(server, agent3, other);
        }));
    }

    @Test
    void the_token_is_kept_and_removed_from_the_address_and_the_screen_reports_it_is_alive() {
        withBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen1);
            page.awaitRoomReady();
            assertThat(page.driver().getCurrentUrl()).doesNotContain("token").endsWith("/display/");
            assertThat((String) page.script("return localStorage.getItem('guichet.display')")).contains(screen1);
            assertThat(page.text("room-name")).isEqualTo("Salle 1");

            page.open(server.baseUrl() + "/display/");
            page.awaitRoomReady();
            assertThat(page.text("room-name")).isEqualTo("Salle 1");

            page.await(Duration.ofSeconds(10), d -> {
                JsonArray devices = server.get("/api/v1/admin/devices", server.adminToken()).bodyAsJsonArray();
                return devices.stream().map(JsonObject.class::cast)
                        .anyMatch(device -> device.getString("id").equals("screen-1")
                                && device.getString("lastSeenAt") != null
                                && device.getJsonObject("health") != null
                                && "screen".equals(device.getJsonObject("health").getString("kind")));
            });
        });
    }

    @Test
    void without_a_token_the_screen_says_how_to_register_it() {
        withBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/");
            assertThat(page.bodyText()).contains("Cet écran n’est pas encore enregistré")
                    .contains("/display/?token=");
            page.open(server.baseUrl() + "/display/counter.html");
            assertThat(page.bodyText()).contains("Cet écran n’est pas encore enregistré")
                    .contains("/display/counter.html?token=");
            page.open(server.baseUrl() + "/display/?token=gd_unknown-token-for-this-test");
            page.await(Duration.ofSeconds(10), d -> page.bodyText().contains("inconnu ou a été révoqué"));
        });
    }

    @Test
    void announcements_play_in_order_one_after_the_other_and_recalls_are_announced_again() {
        withBrowser(1280, 720, page -> {
            page.installFakeSpeech();
            page.open(server.baseUrl() + "/display/?token=" + screen1);
            page.awaitRoomReady();

            JsonObject first = server.issue(agent1, "svc-a");
            JsonObject second = server.issue(agent2, "svc-a");
            JsonObject calledFirst = call(server, agent1, first, "c1");
            JsonObject calledSecond = call(server, agent2, second, "c2");
            ok(server.post("/api/v1/tickets/" + first.getLong("id") + "/recall", agent1, null));
            List<String> expected = List.of(
                    "Ticket " + calledFirst.getString("spoken") + ", Guichet 1",
                    "Ticket " + calledSecond.getString("spoken") + ", Guichet 2",
                    "Ticket " + calledFirst.getString("spoken") + ", Guichet 1");

            page.await(Duration.ofSeconds(30), d -> page.announcerLog().stream()
                    .filter(e -> "speech-end".equals(e.get("event"))).count() >= 3);
            List<Map<String, Object>> steps = page.announcerLog().stream()
                    .filter(e -> !"queued".equals(e.get("event"))).toList();
            List<String> events = steps.stream().map(e -> (String) e.get("event")).toList();
            List<String> expectedEvents = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                expectedEvents.addAll(List.of("chime-start", "chime-end", "speech-start", "speech-end"));
            }
            assertThat(events).isEqualTo(expectedEvents);
            List<String> spoken = steps.stream().filter(e -> "speech-start".equals(e.get("event")))
                    .map(e -> (String) e.get("text")).toList();
            assertThat(spoken).isEqualTo(expected);
            for (int i = 1; i < steps.size(); i++) {
                assertThat(time(steps.get(i))).as("step %d starts after step %d", i, i - 1)
                        .isGreaterThanOrEqualTo(time(steps.get(i - 1)));
            }

            // The browser's own speech engine saw the same three utterances, never two at once, each after its chime.
            List<Map<String, Object>> speech = page.fakeSpeechLog();
            assertThat(speech.stream().filter(e -> "start".equals(e.get("event"))).map(e -> (String) e.get("text")))
                    .containsExactlyElementsOf(expected);
            assertThat(page.fakeSpeechOverlaps()).isZero();
            List<Map<String, Object>> chimeEnds = steps.stream().filter(e -> "chime-end".equals(e.get("event")))
                    .toList();
            List<Map<String, Object>> chimeStarts = steps.stream().filter(e -> "chime-start".equals(e.get("event")))
                    .toList();
            List<Map<String, Object>> speechStarts = speech.stream().filter(e -> "start".equals(e.get("event")))
                    .toList();
            List<Map<String, Object>> speechEnds = speech.stream().filter(e -> "end".equals(e.get("event")))
                    .toList();
            for (int i = 0; i < 3; i++) {
                assertThat(time(speechStarts.get(i))).isGreaterThanOrEqualTo(time(chimeEnds.get(i)));
                if (i > 0) {
                    assertThat(time(chimeStarts.get(i))).isGreaterThanOrEqualTo(time(speechEnds.get(i - 1)));
                }
            }
            serve(server, agent1, first);
            serve(server, agent2, second);
        });
    }

    private static double time(Map<String, Object> event) {
        return ((Number) event.get("at")).doubleValue();
    }

    @Test
    void after_the_server_restarts_the_screen_reconnects_and_shows_the_current_state_without_reloading() {
        TestServer first = TestServer.start(server.vertx());
        int port = first.port();
        DatabaseSettings database = first.database();
        String screen = first.deviceToken("screen-1");
        String agentC1 = first.agentAtCounter("restart.agent1", "s1", "c1");
        String agentC2 = first.agentAtCounter("restart.agent2", "s1", "c2");
        withBrowser(1280, 720, page -> {
            page.open(first.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            JsonObject before = first.issue(agentC1, "svc-a");
            call(first, agentC1, before, "c1");
            page.await(Duration.ofSeconds(5), d -> before.getString("number").equals(page.text("current-number")));
            page.script("window.__sameDocument = 'yes'");
            assertThat(page.connectionMarkShown()).isFalse();

            first.close();
            page.await(Duration.ofSeconds(15), d -> page.connectionMarkShown());
            assertThat(page.text("connection-text")).isEqualTo("reconnexion…");

            TestServer second = TestServer.start(server.vertx(), TestServer.options(database, port));
            try {
                JsonObject after = second.issue(agentC2, "svc-a");
                call(second, agentC2, after, "c2");
                second.issue(agentC2, "svc-b");
                second.issue(agentC2, "svc-b");
                page.await(Duration.ofSeconds(40), d -> after.getString("number").equals(page.text("current-number"))
                        && !page.connectionMarkShown());
                assertThat(page.script("return window.__sameDocument")).isEqualTo("yes");
                assertThat(page.syncs()).isGreaterThanOrEqualTo(2);
                assertThat(page.text("current-counter")).isEqualTo("Guichet 2");
                assertThat(page.text("recent-list")).contains(before.getString("number"));
                page.await(Duration.ofSeconds(10), d -> page.text("waiting-list").contains("2 personnes"));
            } finally {
                second.close();
            }
        });
    }

    @Test
    void a_revoked_screen_says_so_plainly() {
        String token = server.deviceToken("screen-1b");
        withBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + token);
            page.awaitRoomReady();
            assertThat(server.post("/api/v1/admin/devices/screen-1b/revoke", server.adminToken(), null)
                    .statusCode()).isEqualTo(204);
            page.await(Duration.ofSeconds(30), d -> page.bodyText().contains("inconnu ou a été révoqué"));
        });
        screen1b = server.deviceToken("screen-1b");
    }

    @Test
    void the_counter_top_screen_shows_the_ticket_then_free_then_closed() {
        String counterScreen = server.deviceToken("cscreen-1");
        withBrowser(1024, 600, page -> {
            page.open(server.baseUrl() + "/display/counter.html?token=" + counterScreen);
            page.awaitCounterReady();
            assertThat(page.text("counter-name")).isEqualTo("Guichet 1");
            assertThat(page.text("status")).isEqualTo("Libre");
            Browser.screenshot(page.driver(), "counter-screen-free");

            JsonObject ticket = server.issue(agent1, "svc-b");
            call(server, agent1, ticket, "c1");
            page.await(Duration.ofSeconds(5), d -> ticket.getString("number").equals(page.text("number")));
            page.await(Duration.ofSeconds(8), d -> !(Boolean) page.script(
                    "return document.body.classList.contains('flash')"));
            Browser.screenshot(page.driver(), "counter-screen-ticket");

            serve(server, agent1, ticket);
            page.await(Duration.ofSeconds(5), d -> "Libre".equals(page.text("status")));
            ok(server.post("/api/v1/counters/c1/close", agent1, null));
            page.await(Duration.ofSeconds(5), d -> "Fermé".equals(page.text("status")));
            Browser.screenshot(page.driver(), "counter-screen-closed");
            ok(server.post("/api/v1/counters/c1/open", agent1, null));
            page.await(Duration.ofSeconds(5), d -> "Libre".equals(page.text("status")));
        });
    }

    /** Records, from the document's start, every text the page's clock shows and when (Date.now()). */
    private static final String CLOCK_RECORDER = """
            window.guichetClockShown = [];
            new MutationObserver(() => {
                const clock = document.getElementById('clock');
                const last = window.guichetClockShown.at(-1);
                if (clock && clock.textContent !== (last ? last.text : '')) {
                    window.guichetClockShown.push({ text: clock.textContent, at: Date.now() });
                }
            }).observe(document, { subtree: true, childList: true, characterData: true });
            """;

    /**
     * A screen whose system runs in another zone than its site's (here UTC+14, the site in Paris) shows the site's
     * time from its first showing, never its own: blank until the site's zone is read.
     */
    @Test
    void both_screens_clocks_show_the_sites_time_from_the_first_showing() {
        String counterScreen = server.deviceToken("cscreen-1");
        Map<String, String> pages = Map.of("room screen", "/display/?token=" + screen1,
                "counter screen", "/display/counter.html?token=" + counterScreen);
        for (String page : pages.keySet()) {
            ScreenPage.inBrowserInZone("Pacific/Kiritimati", 1280, 720, screen -> {
                screen.runOnEveryDocument(CLOCK_RECORDER);
                screen.open(server.baseUrl() + pages.get(page));
                assertThat(screen.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
                        .as("the premise: the browser's own zone is not the site's").isEqualTo("Pacific/Kiritimati");
                screen.await(Duration.ofSeconds(30), d -> ((Number) screen.script(
                        "return window.guichetClockShown.filter(shown => shown.text).length")).intValue() >= 1);
                assertEveryClockTextIsParisTime(screen, page);
            });
        }
    }

    /**
     * The site's first read fails (its server restarting, say): the counter screen reads it again by itself, its clock
     * blank meanwhile, then shows the site's time. In the page, the first read of the site is failed as a network
     * error would fail it, and the half-minute wait before the next is shortened to 0.3 s.
     */
    @Test
    void a_counter_screen_whose_first_read_of_its_site_failed_reads_it_again_and_shows_the_sites_time() {
        String counterScreen = server.deviceToken("cscreen-1");
        ScreenPage.inBrowserInZone("Pacific/Kiritimati", 1280, 720, screen -> {
            screen.runOnEveryDocument(CLOCK_RECORDER + FIRST_SITE_READ_FAILS);
            screen.open(server.baseUrl() + "/display/counter.html?token=" + counterScreen);
            screen.await(Duration.ofSeconds(30), d -> ((Number) screen.script(
                    "return window.guichetClockShown.filter(shown => shown.text).length")).intValue() >= 1);

            assertThat(((Number) screen.script("return window.guichetSiteReads")).intValue())
                    .as("reads of the site: the failed one, then the one that succeeded").isGreaterThanOrEqualTo(2);
            // The state is read again whenever the live connection reopens or the catalog changes, the site with
            // it: that must not have happened here, or the second read was not the retry's.
            assertThat(screen.script("return [window.guichetCounterScreen.syncs,"
                    + " window.guichetCounterScreen.catalogChanges || 0]"))
                    .as("states read, catalog changes").isEqualTo(List.of(1L, 0L));
            assertEveryClockTextIsParisTime(screen, "counter screen");
        });
    }

    private static final String FIRST_SITE_READ_FAILS = """
            window.guichetSiteReads = 0;
            const realFetch = window.fetch;
            window.fetch = function (resource, ...options) {
                if (String(resource).includes('/sites/') && ++window.guichetSiteReads === 1) {
                    return Promise.reject(new TypeError('Failed to fetch'));
                }
                return realFetch.call(this, resource, ...options);
            };
            const realSetTimeout = window.setTimeout;
            window.setTimeout = function (handler, delay, ...rest) {
                return realSetTimeout.call(this, handler, delay === 30000 ? 300 : delay, ...rest);
            };
            """;

    /** Every text the clock recorder saw, blanks aside, is Paris time at the moment it was recorded. */
    private static void assertEveryClockTextIsParisTime(ScreenPage screen, String page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) screen.script("return window.guichetClockShown");
        for (Map<String, Object> one : shown) {
            String text = (String) one.get("text");
            if (!text.isEmpty()) {
                Instant at = Instant.ofEpochMilli(((Number) one.get("at")).longValue());
                // Read just before it was recorded: the minute may have turned in between.
                assertThat(text).as("clock of %s at %s (all shown: %s)", page, at, shown)
                        .isIn(parisClock(at), parisClock(at.minusSeconds(1)));
            }
        }
    }

    private static String parisClock(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris")).format(at);
    }

    /**
     * With several servers, two may publish a room's counts moments apart and the later read arrive first: the screen
     * keeps the counts read last.
     */
    @Test
    void a_room_screen_keeps_the_counts_read_last_when_older_ones_arrive_after() {
        String screen2 = server.deviceToken("screen-2");
        Instant read = Instant.now();
        withBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen2);
            page.awaitRoomReady();
            // Every count the page takes, as it takes it (two messages may come in one frame, rendered once).
            page.script("const display = window.guichetDisplay; let queue = display.queue; window.__taken = [];"
                        + "Object.defineProperty(display, 'queue', {get() { return queue; },"
                        + " set(value) { queue = value; window.__taken.push(value ? value.waiting : null); }});");

            publishRoomCounts(read.plusSeconds(2), 7, "Service Z");
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("7 personnes"));
            publishRoomCounts(read.plusSeconds(1), 4, "Service Z");
            publishRoomCounts(read.plusSeconds(3), 7, "Service Z, read last");
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("read last"));

            assertThat(String.valueOf(page.script("return window.__taken.join(' ');")))
                    .as("the counts the page took").isEqualTo("7 7");
        });
    }

    private static void publishRoomCounts(Instant at, int waiting, String serviceName) {
        JsonObject service = new JsonObject().put("serviceId", "svc-z").put("name", serviceName)
                .put("translations", new JsonObject()).put("prefix", "Z").put("roomId", "r2").put("waiting", waiting)
                .put("longestWaitSeconds", 60).put("targetWaitMinutes", 15).put("overTarget", false);
        server.vertx().eventBus().publish("guichet.room.r2", new JsonObject().put("type", "queue")
                .put("at", at.toString()).put("room", new JsonObject().put("roomId", "r2").put("waiting", waiting)
                        .put("services", new JsonArray().add(service))));
    }

    /** Issue 14: a service nobody waited for showed a bare « personne » on the room screen. */
    @Test
    void a_service_nobody_waits_for_says_so_in_the_screens_language() {
        String screen2 = server.deviceToken("screen-2");
        withBrowser(1920, 1080, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen2);
            page.awaitRoomReady();
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("personne n’attend"));
            page.open(server.baseUrl() + "/display/?lang=oc");
            page.awaitRoomReady();
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("degun espèra"));

            server.issue(server.deviceToken("kiosk-2"), "svc-z");
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("1 persona"));
        });
    }

    @Test
    void screenshots_of_the_waiting_room_for_review() {
        List<JsonObject> calledTickets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean atC1 = i % 2 == 0;
            String agent = atC1 ? agent1 : agent2;
            JsonObject ticket = server.issue(agent, atC1 ? "svc-b" : "svc-a");
            call(server, agent, ticket, atC1 ? "c1" : "c2");
            if (i < 6) {
                serve(server, agent, ticket);
            }
            calledTickets.add(ticket);
        }
        for (int i = 0; i < 3; i++) {
            server.issue(agent1, "svc-a");
        }
        server.issue(agent1, "svc-b");
        String message = "Merci de préparer votre pièce d’identité · Please have your ID ready";
        withBrowser(1920, 1080, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen1 + "&message="
                    + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8));
            page.awaitRoomReady();
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("3 personnes"));
            assertThat(page.text("current-number")).isEqualTo(calledTickets.get(7).getString("number"));
            assertThat(page.script("return [...document.querySelectorAll('#recent-list .recent-number')]"
                    + ".map(n => n.textContent)")).isEqualTo(calledTickets.subList(1, 7).reversed().stream()
                    .map(ticket -> ticket.getString("number")).toList());
            assertThat(page.text("message")).isEqualTo(message);
            // Issue 14: the current call's parts stuck out of its card (about 13 px above and below) at 1920x1080.
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parts = (List<Map<String, Object>>) page.script(RoomScreenLayoutTest.OVERFLOW);
            assertThat(parts).allSatisfy(part -> assertThat(List.of(part.get("above"), part.get("below"),
                    part.get("left"), part.get("right"), part.get("cut"))).as(String.valueOf(part.get("id")))
                    .allSatisfy(by -> assertThat(((Number) by).doubleValue()).isZero()));
            Browser.screenshot(page.driver(), "waiting-room-1920x1080");

            serve(server, agent1, calledTickets.get(6));
            JsonObject fresh = server.issue(agent1, "svc-b");
            call(server, agent1, fresh, "c1");
            page.await(Duration.ofSeconds(5), d -> fresh.getString("number").equals(page.text("current-number")));
            assertThat((Boolean) page.script("return document.getElementById('current').classList.contains('flash')"))
                    .isTrue();
            Browser.screenshot(page.driver(), "waiting-room-1920x1080-flashing");
            calledTickets.set(6, fresh);
        });
        withBrowser(1080, 1920, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen1 + "&message="
                    + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8));
            page.awaitRoomReady();
            page.await(Duration.ofSeconds(5), d -> page.text("waiting-list").contains("3 personnes"));
            Browser.screenshot(page.driver(), "waiting-room-1080x1920");
        });
        serve(server, agent1, calledTickets.get(6));
        serve(server, agent2, calledTickets.get(7));
    }
}
