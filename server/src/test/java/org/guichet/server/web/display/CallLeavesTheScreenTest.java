package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A called ticket leaves the current-call panel once it is over (issue 14): on the waiting-room screen when its
 * service has started or ended, its visitor was marked absent (to the last calls), or it was put back on hold or
 * transferred (off the board); on the counter-top screen when it is finished, absent, put back or transferred.
 */
class CallLeavesTheScreenTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String screen;
    private static String counterScreen;
    private static String agent;
    /** A screen in each of three rooms (two sites) with an agent at a counter of that room; the first is c1's. */
    private static List<Room> rooms;

    @BeforeAll
    static void setUp() {
        screen = server.tokenOf("screen-1");
        counterScreen = server.tokenOf("cscreen-1");
        agent = server.agentAtCounter("leaves.agent1", "s1", "c1");
        rooms = List.of(new Room(screen, agent, "c1", "svc-b"),
                new Room(server.tokenOf("screen-1b"), server.agentAtCounter("leaves.agent3", "s1", "c3"), "c3",
                        "svc-c"),
                new Room(server.tokenOf("screen-2"), server.agentAtCounter("leaves.agentz", "s2", "z1"), "z1",
                        "svc-z"));
    }

    private record Room(String screen, String agent, String counter, String service) {
    }

    private static void post(String agent, JsonObject ticket, String action, JsonObject body) {
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/" + action, agent, body));
    }

    /** Each way a call ends, by its name, and whether the room screen then keeps it among the last calls. */
    private record Ending(String name, BiConsumer<String, JsonObject> act, boolean keptInLastCalls) {
    }

    private static final List<Ending> ENDINGS = List.of(
            new Ending("service started", (agent, ticket) -> post(agent, ticket, "start", null), true),
            new Ending("finished", (agent, ticket) -> {
                post(agent, ticket, "start", null);
                post(agent, ticket, "finish", null);
            }, true),
            new Ending("absent", (agent, ticket) -> post(agent, ticket, "no-show", null), true),
            new Ending("put back on hold", (agent, ticket) -> post(agent, ticket, "requeue", null), false),
            new Ending("transferred", (agent, ticket) -> post(agent, ticket, "transfer", new JsonObject()
                    .put("serviceId", "svc-a")), false));

    /**
     * An ended call stays on the room screen about ten seconds (room.js, ENDED_SHOWN_MILLIS) before it goes to the last
     * calls: the three endings that keep it each end a call in a room of their own, one browser window per room's
     * screen, and are awaited side by side. Put back or transferred, it leaves at once: those two follow in c1's room.
     */
    @Test
    void on_the_room_screen_an_ended_call_leaves_the_current_call_panel() {
        ScreenPage.inBrowser(1280, 720, page -> {
            List<Ending> kept = ENDINGS.stream().filter(Ending::keptInLastCalls).toList();
            List<String> windows = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                if (i > 0) {
                    page.driver().switchTo().newWindow(WindowType.WINDOW);
                }
                windows.add(page.driver().getWindowHandle());
                page.open(server.baseUrl() + "/display/?token=" + rooms.get(i).screen());
                page.awaitRoomReady();
                freeCounter(rooms.get(i));
            }
            List<JsonObject> ended = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                page.driver().switchTo().window(windows.get(i));
                ended.add(callAndEnd(page, rooms.get(i), kept.get(i)));
            }
            for (int i = 0; i < kept.size(); i++) {
                page.driver().switchTo().window(windows.get(i));
                awaitPanelEmpty(page, kept.get(i));
                assertThat(page.script("return document.querySelector('#recent-list .recent-number')"
                        + ".textContent")).as(kept.get(i).name()).isEqualTo(ended.get(i).getString("number"));
                cleanUp(rooms.get(i).agent(), ended.get(i));
            }

            page.driver().switchTo().window(windows.getFirst());
            for (Ending ending : ENDINGS.stream().filter(ending -> !ending.keptInLastCalls()).toList()) {
                JsonObject ticket = callAndEnd(page, rooms.getFirst(), ending);
                awaitPanelEmpty(page, ending);
                assertThat(page.text("recent-list")).as(ending.name()).doesNotContain(ticket.getString("number"));
                cleanUp(agent, ticket);
            }
        });
    }

    /** Calls a new ticket at the room's counter, waits for it on the room's screen, ends it; returns the ticket. */
    private static JsonObject callAndEnd(ScreenPage page, Room room, Ending ending) {
        JsonObject ticket = server.issue(room.agent(), room.service());
        RoomScene.call(server, room.agent(), ticket, room.counter());
        String number = ticket.getString("number");
        page.await(Duration.ofSeconds(5), d -> number.equals(page.text("current-number")));
        ending.act().accept(room.agent(), ticket);
        return ticket;
    }

    private static void awaitPanelEmpty(ScreenPage page, Ending ending) {
        Eventually.await("the room screen's panel empty once " + ending.name(), Duration.ofSeconds(30),
                () -> page.text("current-number").isEmpty(), Eventually::present);
        assertThat(page.text("current-label")).as(ending.name()).isEqualTo("Bienvenue");
    }

    @Test
    void on_the_counter_top_screen_a_call_stays_while_served_and_leaves_once_over() {
        ScreenPage.inBrowser(1024, 600, page -> {
            page.open(server.baseUrl() + "/display/counter.html?token=" + counterScreen);
            page.awaitCounterReady();
            freeCounter(rooms.getFirst());
            for (Ending ending : ENDINGS.subList(1, ENDINGS.size())) {
                JsonObject ticket = server.issue(agent, "svc-b");
                RoomScene.call(server, agent, ticket, "c1");
                String number = ticket.getString("number");
                page.await(Duration.ofSeconds(5), d -> number.equals(page.text("number")));

                ending.act().accept(agent, ticket);
                Eventually.await("the counter-top screen's panel empty once " + ending.name(), Duration.ofSeconds(10),
                        () -> page.text("number").isEmpty(), Eventually::present);
                assertThat(page.text("number")).as(ending.name()).isEmpty();
                assertThat(page.text("status")).as(ending.name()).isEqualTo("Libre");
                cleanUp(agent, ticket);
            }
        });
    }

    @Test
    void a_visitor_transferred_to_another_room_is_told_on_the_room_screen_where_to_go() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            freeCounter(rooms.getFirst());
            String footer = page.text("message");
            JsonObject ticket = server.issue(agent, "svc-b");
            RoomScene.call(server, agent, ticket, "c1");
            post(agent, ticket, "start", null);
            JsonObject next = ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/transfer", agent,
                    new JsonObject().put("serviceId", "svc-c")));

            String expected = ticket.getString("number") + " : rendez-vous en Salle 1 bis";
            page.await(Duration.ofSeconds(5), d -> expected.equals(page.text("message")));
            assertThat(page.text("recent-list")).doesNotContain(ticket.getString("number"));
            assertThat(page.script("return document.getElementById('message').classList.contains('moved')"))
                    .isEqualTo(true);
            assertThat(footer).isNotEqualTo(expected);
            cleanUp(agent, next);
        });
    }

    /** Ends whatever the room's counter still has called or in service (a test that failed half-way leaves one). */
    private static void freeCounter(Room room) {
        JsonObject current = ok(server.get("/api/v1/counters/" + room.counter(), room.agent()))
                .getJsonObject("currentTicket");
        if (current != null) {
            cleanUp(room.agent(), current);
        }
    }

    /** Ends a ticket still at the counter, or waiting again after being put back, so the next call is its only one. */
    private static void cleanUp(String agent, JsonObject ticket) {
        String status = ok(server.get("/api/v1/tickets/" + ticket.getLong("id"), agent)).getString("status");
        if ("SERVING".equals(status)) {
            post(agent, ticket, "finish", null);
        }
        if ("CALLED".equals(status)) {
            post(agent, ticket, "no-show", null);
        }
        if ("WAITING".equals(status)) {
            post(agent, ticket, "cancel", null);
        }
    }
}
