package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
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

    @BeforeAll
    static void setUp() {
        screen = server.tokenOf("screen-1");
        counterScreen = server.tokenOf("cscreen-1");
        agent = server.agentAtCounter("leaves.agent1", "s1", "c1");
    }

    private static void post(JsonObject ticket, String action, JsonObject body) {
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/" + action, agent, body));
    }

    /** Each way a call ends, by its name, and whether the room screen then keeps it among the last calls. */
    private record Ending(String name, BiConsumer<JsonObject, String> act, boolean keptInLastCalls) {
    }

    private static final List<Ending> ENDINGS = List.of(
            new Ending("service started", (ticket, unused) -> post(ticket, "start", null), true),
            new Ending("finished", (ticket, unused) -> {
                post(ticket, "start", null);
                post(ticket, "finish", null);
            }, true),
            new Ending("absent", (ticket, unused) -> post(ticket, "no-show", null), true),
            new Ending("put back on hold", (ticket, unused) -> post(ticket, "requeue", null), false),
            new Ending("transferred", (ticket, unused) -> post(ticket, "transfer", new JsonObject()
                    .put("serviceId", "svc-a")), false));

    @Test
    void on_the_room_screen_an_ended_call_leaves_the_current_call_panel() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            freeCounter();
            for (Ending ending : ENDINGS) {
                JsonObject ticket = server.issue(agent, "svc-b");
                RoomScene.call(server, agent, ticket, "c1");
                String number = ticket.getString("number");
                page.await(Duration.ofSeconds(5), d -> number.equals(page.text("current-number")));

                ending.act().accept(ticket, number);
                Eventually.await("the room screen's panel empty once " + ending.name(), Duration.ofSeconds(30),
                        () -> page.text("current-number").isEmpty(), Eventually::present);
                assertThat(page.text("current-label")).as(ending.name()).isEqualTo("Bienvenue");
                if (ending.keptInLastCalls()) {
                    assertThat(page.script("return document.querySelector('#recent-list .recent-number')"
                            + ".textContent")).as(ending.name()).isEqualTo(number);
                } else {
                    assertThat(page.text("recent-list")).as(ending.name()).doesNotContain(number);
                }
                cleanUp(ticket);
            }
        });
    }

    @Test
    void on_the_counter_top_screen_a_call_stays_while_served_and_leaves_once_over() {
        ScreenPage.inBrowser(1024, 600, page -> {
            page.open(server.baseUrl() + "/display/counter.html?token=" + counterScreen);
            page.awaitCounterReady();
            freeCounter();
            for (Ending ending : ENDINGS.subList(1, ENDINGS.size())) {
                JsonObject ticket = server.issue(agent, "svc-b");
                RoomScene.call(server, agent, ticket, "c1");
                String number = ticket.getString("number");
                page.await(Duration.ofSeconds(5), d -> number.equals(page.text("number")));

                ending.act().accept(ticket, number);
                Eventually.await("the counter-top screen's panel empty once " + ending.name(), Duration.ofSeconds(10),
                        () -> page.text("number").isEmpty(), Eventually::present);
                assertThat(page.text("number")).as(ending.name()).isEmpty();
                assertThat(page.text("status")).as(ending.name()).isEqualTo("Libre");
                cleanUp(ticket);
            }
        });
    }

    @Test
    void a_visitor_transferred_to_another_room_is_told_on_the_room_screen_where_to_go() {
        ScreenPage.inBrowser(1280, 720, page -> {
            page.open(server.baseUrl() + "/display/?token=" + screen);
            page.awaitRoomReady();
            freeCounter();
            String footer = page.text("message");
            JsonObject ticket = server.issue(agent, "svc-b");
            RoomScene.call(server, agent, ticket, "c1");
            post(ticket, "start", null);
            JsonObject next = ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/transfer", agent,
                    new JsonObject().put("serviceId", "svc-c")));

            String expected = ticket.getString("number") + " : rendez-vous en Salle 1 bis";
            page.await(Duration.ofSeconds(5), d -> expected.equals(page.text("message")));
            assertThat(page.text("recent-list")).doesNotContain(ticket.getString("number"));
            assertThat(page.script("return document.getElementById('message').classList.contains('moved')"))
                    .isEqualTo(true);
            assertThat(footer).isNotEqualTo(expected);
            cleanUp(next);
        });
    }

    /** Ends whatever counter c1 still has called or in service (a test that failed half-way leaves one). */
    private static void freeCounter() {
        JsonObject current = ok(server.get("/api/v1/counters/c1", agent)).getJsonObject("currentTicket");
        if (current != null) {
            cleanUp(current);
        }
    }

    /** Ends a ticket still at the counter, or waiting again after being put back, so the next call is c1's only one. */
    private static void cleanUp(JsonObject ticket) {
        String status = ok(server.get("/api/v1/tickets/" + ticket.getLong("id"), agent)).getString("status");
        if ("SERVING".equals(status)) {
            post(ticket, "finish", null);
        }
        if ("CALLED".equals(status)) {
            post(ticket, "no-show", null);
        }
        if ("WAITING".equals(status)) {
            post(ticket, "cancel", null);
        }
    }
}
