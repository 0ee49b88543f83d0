package org.guichet.server.realtime;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** The SockJS bridge spoken with raw WebSocket frames, as a screen or a page would, without a browser. */
class EventBusBridgeTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static String screen1;
    private static String agent1;

    @BeforeAll
    static void setUp() {
        screen1 = server.deviceToken("screen-1");
        agent1 = server.agentAtCounter("bridge.agent1", "s1", "c1");
    }

    private static EventBus bus() {
        return server.server().vertx().eventBus();
    }

    private static BridgeSocket socket() {
        return BridgeSocket.connect(server.vertx(), server.port());
    }

    /**
     * The bridge answers a refused registration with an error frame; messages on the addresses the socket already
     * listens to (waiting counts published meanwhile) may come first, but never one on the refused address.
     */
    private static void assertRefused(BridgeSocket socket, String address, String token) {
        socket.register(address, token);
        JsonObject frame = socket.next();
        while ("rec".equals(frame.getString("type"))) {
            assertThat(frame.getString("address")).as("a message on the refused " + address).isNotEqualTo(address);
            frame = socket.next();
        }
        assertThat(frame.getString("type")).as("answer to register on " + address).isEqualTo("err");
    }

    @Test
    void a_screen_receives_its_rooms_calls_recalls_and_waiting_counts() {
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.room.r1", screen1);
            socket.awaitRegistered("guichet.room.r1");

            JsonObject issued = server.issue(agent1, "svc-a");
            long id = issued.getLong("id");
            // A second visitor keeps the room's count one above what it was once the first is called: the waiting
            // counts are sent when they change, so a count back where it was could come before the call, or not at all.
            long stays = server.issue(agent1, "svc-a").getLong("id");
            JsonObject called = ok(server.post("/api/v1/tickets/" + id + "/call", agent1,
                    new JsonObject().put("counterId", "c1")));

            JsonObject call = socket.nextOn("guichet.room.r1", "call").getJsonObject("body");
            assertThat(call.getJsonObject("ticket").getString("number")).isEqualTo(called.getString("number"));
            assertThat(call.getJsonObject("ticket").getString("counterName")).isEqualTo("Guichet 1");
            assertThat(call.getJsonObject("ticket").getString("spoken")).isNotBlank();
            assertThat(call.getJsonObject("ticket").containsKey("statusToken")).isFalse();
            assertThat(call.getString("at")).isNotBlank();

            int waitingNow = ok(server.get("/api/v1/sites/s1/queue", agent1)).getJsonObject("rooms")
                    .getJsonObject("r1").getInteger("waiting");
            JsonObject queue;
            do {
                queue = socket.nextOn("guichet.room.r1", "queue").getJsonObject("body");
            } while (queue.getJsonObject("room").getInteger("waiting") != waitingNow);
            assertThat(queue.getJsonObject("room").getString("roomId")).isEqualTo("r1");

            ok(server.post("/api/v1/tickets/" + id + "/recall", agent1, null));
            JsonObject recall = socket.nextOn("guichet.room.r1", "recall").getJsonObject("body");
            assertThat(recall.getJsonObject("ticket").getLong("id")).isEqualTo(id);

            ok(server.post("/api/v1/tickets/" + id + "/requeue", agent1, null));
            JsonObject requeue = socket.nextOn("guichet.room.r1", "requeue").getJsonObject("body");
            assertThat(requeue.getJsonObject("ticket").getLong("id")).isEqualTo(id);
            ok(server.post("/api/v1/tickets/" + id + "/cancel", agent1, null));
            ok(server.post("/api/v1/tickets/" + stays + "/cancel", agent1, null));
        }
    }

    @Test
    void a_screen_that_begins_to_listen_is_told_its_rooms_next_counts_read_even_unchanged() {
        // Once it listens, a screen reads the counts over REST: they may change and change back before the next read,
        // which would then be "nothing new" to the room and leave that screen with the counts in between.
        try (BridgeSocket first = socket(); BridgeSocket second = socket()) {
            first.register("guichet.room.r1", screen1);
            first.awaitRegistered("guichet.room.r1");
            long inR1 = server.issue(agent1, "svc-a").getLong("id");
            int waiting = ok(server.get("/api/v1/sites/s1/queue", agent1)).getJsonObject("rooms")
                    .getJsonObject("r1").getInteger("waiting");
            while (first.nextOn("guichet.room.r1", "queue").getJsonObject("body").getJsonObject("room")
                           .getInteger("waiting") != waiting) {
                // earlier counts
            }

            second.register("guichet.room.r1", screen1);
            second.awaitRegistered("guichet.room.r1");
            long inR1b = server.issue(agent1, "svc-c").getLong("id"); // the site's counts read again, not room r1's

            JsonObject told = second.nextOn("guichet.room.r1", "queue").getJsonObject("body");
            assertThat(told.getJsonObject("room").getInteger("waiting")).isEqualTo(waiting);
            ok(server.post("/api/v1/tickets/" + inR1 + "/cancel", agent1, null));
            ok(server.post("/api/v1/tickets/" + inR1b + "/cancel", agent1, null));
        }
    }

    @Test
    void a_room_hears_a_served_visits_call_and_start_not_its_finish_which_its_counter_hears() {
        String counterScreen = server.deviceToken("cscreen-1");
        try (BridgeSocket room = socket(); BridgeSocket counter = socket()) {
            room.register("guichet.room.r1", screen1);
            counter.register("guichet.counter.c1", counterScreen);
            room.awaitRegistered("guichet.room.r1");
            counter.awaitRegistered("guichet.counter.c1");

            long served = server.issue(agent1, "svc-a").getLong("id");
            long next = server.issue(agent1, "svc-a").getLong("id");
            ok(server.post("/api/v1/tickets/" + served + "/call", agent1, new JsonObject().put("counterId", "c1")));
            ok(server.post("/api/v1/tickets/" + served + "/start", agent1, null));
            ok(server.post("/api/v1/tickets/" + served + "/finish", agent1, null));
            ok(server.post("/api/v1/tickets/" + next + "/call", agent1, new JsonObject().put("counterId", "c1")));

            JsonObject finish = counter.nextOn("guichet.counter.c1", "finish").getJsonObject("body");
            assertThat(finish.getJsonObject("ticket").getLong("id")).isEqualTo(served);
            // What the room heard of the two tickets, in order, up to the second call (the waiting counts aside).
            List<String> heard = new ArrayList<>();
            JsonObject body;
            do {
                body = room.nextOn("guichet.room.r1", "call", "start", "finish").getJsonObject("body");
                heard.add(body.getString("type") + " " + body.getJsonObject("ticket").getLong("id"));
            } while (!heard.getLast().equals("call " + next));
            assertThat(heard).containsExactly("call " + served, "start " + served, "call " + next);
            ok(server.post("/api/v1/tickets/" + next + "/no-show", agent1, null));
        }
    }

    @Test
    void a_screen_cannot_listen_to_another_room_site_or_counter() {
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.room.r1", screen1);
            socket.awaitRegistered("guichet.room.r1");
            List<String> forbidden = List.of("guichet.room.r1b", "guichet.room.r2", "guichet.site.s2.queue",
                    "guichet.counter.c1", "guichet.counter.z1", "guichet.site.s1.alerts", "guichet.room.nowhere");
            forbidden.forEach(address -> assertRefused(socket, address, screen1));

            forbidden.forEach(address -> bus().publish(address, new JsonObject().put("type", "call")));
            bus().publish("guichet.room.r1", new JsonObject().put("type", "fence"));
            List<String> seen = new ArrayList<>();
            while (true) {
                JsonObject frame = socket.next();
                seen.add(frame.getString("address"));
                if ("fence".equals(frame.getJsonObject("body").getString("type"))) {
                    break;
                }
            }
            assertThat(seen).doesNotContainAnyElementsOf(forbidden);
        }
    }

    @Test
    void the_bridge_accepts_nothing_inbound() {
        List<Object> leaked = new CopyOnWriteArrayList<>();
        List<MessageConsumer<Object>> consumers = List.of(
                bus().consumer("guichet.room.r1", message -> leaked.add(message.body())),
                bus().consumer("guichet.internal.device.health", message -> leaked.add(message.body())),
                bus().consumer("guichet.ticket.AAAAAAAAAAAAAAAAAAAAAA", message -> leaked.add(message.body())));
        try (BridgeSocket socket = socket()) {
            for (String type : List.of("send", "publish")) {
                for (String address : List.of("guichet.room.r1", "guichet.internal.device.health",
                        "guichet.ticket.AAAAAAAAAAAAAAAAAAAAAA")) {
                    socket.send(new JsonObject().put("type", type).put("address", address)
                            .put("headers", new JsonObject().put("token", server.adminToken()))
                            .put("body", new JsonObject().put("type", "call").put("forged", true)));
                    assertThat(socket.next().getString("type")).as(type + " to " + address).isEqualTo("err");
                }
            }
            socket.send(new JsonObject().put("type", "send").put("address", "guichet.room.r1")
                    .put("replyAddress", "reply-1").put("body", "x"));
            assertThat(socket.next().getString("type")).isEqualTo("err");
            // A message published from inside the server after the forged ones arrives, and none of theirs did (the
            // server's own messages to the room, such as a waiting count flushed meanwhile, may come too).
            bus().publish("guichet.room.r1", "fence");
            Eventually.await("the fence published inside the server", () -> leaked.contains("fence"));
            assertThat(leaked).noneMatch(body -> "x".equals(body)
                    || body instanceof JsonObject json && json.containsKey("forged"));
        } finally {
            consumers.forEach(MessageConsumer::unregister);
        }
    }

    @Test
    void a_page_is_told_once_the_bridge_listens_for_it_and_hears_what_is_published_from_then_on() {
        try (BridgeSocket socket = socket()) {
            assertRefused(socket, "guichet.room.r2", screen1);
            socket.register("guichet.room.r1", screen1);

            assertThat(socket.nextApproval(Duration.ofSeconds(10))).isEqualTo("guichet.room.r1");
            bus().publish("guichet.room.r1", new JsonObject().put("type", "approved-then-published"));

            socket.nextOn("guichet.room.r1", "approved-then-published");
            assertThat(socket.nextApproval(Duration.ZERO)).as("an approval of the refused address").isNull();
        }
    }

    @Test
    void an_address_unregistered_while_its_token_is_checked_is_not_heard_once_the_bridge_has_registered_it() {
        // given a session the server has not checked yet: its check is a query, which the unregistration overtakes
        server.agent("bridge.withdrawing", "agent", "s1");
        String session = server.login("bridge.withdrawing", TestServer.AGENT_PASSWORD);
        try (BridgeSocket socket = socket()) {
            socket.sendTogether(
                    new JsonObject().put("type", "register").put("address", "guichet.room.r1b")
                            .put("headers", new JsonObject().put("token", session)),
                    new JsonObject().put("type", "unregister").put("address", "guichet.room.r1b"));
            socket.awaitRegistered("guichet.room.r1b");
            socket.register("guichet.site.s1.queue", session);
            socket.awaitRegistered("guichet.site.s1.queue");

            bus().publish("guichet.room.r1b", new JsonObject().put("type", "withdrawn"));
            bus().publish("guichet.site.s1.queue", new JsonObject().put("type", "kept"));

            JsonObject first = socket.next();
            while (!"rec".equals(first.getString("type"))
                   || !List.of("withdrawn", "kept").contains(first.getJsonObject("body").getString("type"))) {
                first = socket.next();
            }
            assertThat(first.getJsonObject("body").getString("type")).as("the first of the two messages heard")
                    .isEqualTo("kept");
        }
    }

    @Test
    void missing_unknown_wrong_kind_or_foreign_tokens_are_refused() {
        String kiosk = server.deviceToken("kiosk-1");
        String foreignAgent = server.agent("bridge.agent.s2", "agent", "s2");
        try (BridgeSocket socket = socket()) {
            assertRefused(socket, "guichet.room.r1", null);
            assertRefused(socket, "guichet.room.r1", "");
            assertRefused(socket, "guichet.room.r1", "gd_not-a-real-token-at-all");
            assertRefused(socket, "guichet.room.r1", "gs_not-a-real-session");
            assertRefused(socket, "guichet.room.r1", kiosk);
            assertRefused(socket, "guichet.room.r1", foreignAgent);
            assertRefused(socket, "guichet.counter.c1", foreignAgent);
            assertRefused(socket, "guichet.site.s1.queue", foreignAgent);
        }
    }

    @Test
    void a_revoked_screen_is_disconnected_and_refused_afterwards() {
        String token = server.deviceToken("screen-1b");
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.room.r1b", token);
            socket.awaitRegistered("guichet.room.r1b");
            assertThat(server.post("/api/v1/admin/devices/screen-1b/revoke", server.adminToken(), null)
                    .statusCode()).isEqualTo(204);
            assertThat(socket.awaitClosed(10)).as("socket of the revoked screen closed").isTrue();
        }
        try (BridgeSocket again = socket()) {
            assertRefused(again, "guichet.room.r1b", token);
        }
        String reissued = server.deviceToken("screen-1b");
        try (BridgeSocket socket = socket()) {
            assertRefused(socket, "guichet.room.r1b", token);
            socket.register("guichet.room.r1b", reissued);
            socket.awaitRegistered("guichet.room.r1b");
        }
    }

    @Test
    void an_agents_connection_ends_when_the_agent_logs_out() {
        String agent = server.agent("bridge.logout", "agent", "s1");
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.site.s1.queue", agent);
            socket.awaitRegistered("guichet.site.s1.queue");
            assertThat(server.post("/api/v1/auth/logout", agent, null).statusCode()).isLessThan(300);
            assertThat(socket.awaitClosed(10)).as("socket of the logged-out agent closed").isTrue();
        }
        try (BridgeSocket again = socket()) {
            assertRefused(again, "guichet.site.s1.queue", agent);
        }
    }

    @Test
    void an_agents_connection_ends_when_an_administrator_resets_the_password() {
        String agent = server.agent("bridge.reset", "agent", "s1");
        long agentId = ok(server.get("/api/v1/auth/me", agent)).getLong("id");
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.site.s1.queue", agent);
            socket.awaitRegistered("guichet.site.s1.queue");
            assertThat(server.post("/api/v1/admin/agents/" + agentId + "/password", server.adminToken(),
                    new JsonObject().put("password", "a-brand-new-password")).statusCode()).isLessThan(300);
            assertThat(socket.awaitClosed(10)).as("socket opened with the session before the reset closed").isTrue();
        }
        try (BridgeSocket again = socket()) {
            assertRefused(again, "guichet.site.s1.queue", agent);
        }
        assertThat(server.get("/api/v1/auth/me", agent).statusCode()).isEqualTo(401);
    }

    @Test
    void changing_ones_own_password_ends_the_other_sessions_and_their_sockets_but_not_this_one() {
        String here = server.agent("bridge.own.password", "agent", "s1");
        String elsewhere = server.login("bridge.own.password", TestServer.AGENT_PASSWORD);
        try (BridgeSocket mine = socket(); BridgeSocket stolen = socket()) {
            mine.register("guichet.site.s1.queue", here);
            mine.awaitRegistered("guichet.site.s1.queue");
            stolen.register("guichet.counter.c2", elsewhere);
            stolen.awaitRegistered("guichet.counter.c2");

            assertThat(server.post("/api/v1/auth/password", here, new JsonObject()
                    .put("currentPassword", TestServer.AGENT_PASSWORD)
                    .put("newPassword", "Quiet-lantern-over-Rodez-2026")).statusCode()).isEqualTo(204);

            assertThat(server.get("/api/v1/auth/me", elsewhere).statusCode())
                    .as("the other session, right after the answer").isEqualTo(401);
            assertThat(stolen.awaitClosed(10)).as("socket opened with the other session closed").isTrue();
            assertThat(server.get("/api/v1/auth/me", here).statusCode())
                    .as("the session that changed the password").isEqualTo(200);
            mine.drain();
            server.issue(here, "svc-a");
            assertThat(mine.nextOn("guichet.site.s1.queue", "queue")).as("this session's socket still hears")
                    .isNotNull();
        }
        try (BridgeSocket again = socket()) {
            assertRefused(again, "guichet.counter.c2", elsewhere);
        }
    }

    @Test
    void a_screen_moved_to_another_room_is_disconnected_at_once_and_hears_its_new_room_with_the_same_token() {
        String token = ok(server.put("/api/v1/admin/deployment", server.adminToken(), deploymentWith(
                new JsonObject().put("id", "screen-moved").put("kind", "screen").put("name", "Écran mobile")
                        .put("room", "r1b")))).getJsonObject("deviceTokens").getString("screen-moved");
        ok(server.get("/api/v1/rooms/r1b/display", token)); // this node now remembers the screen in room 1 bis
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.room.r1b", token);
            socket.awaitRegistered("guichet.room.r1b");

            ok(server.put("/api/v1/admin/deployment", server.adminToken(), deploymentWith(
                    new JsonObject().put("id", "screen-moved").put("kind", "screen").put("name", "Écran mobile")
                            .put("room", "r1"))));

            assertThat(server.get("/api/v1/rooms/r1b/display", token).statusCode())
                    .as("its former room, right after the answer").isEqualTo(403);
            assertThat(socket.awaitClosed(10)).as("socket listening to its former room closed").isTrue();
        }
        ok(server.get("/api/v1/rooms/r1/display", token));
        try (BridgeSocket again = socket()) {
            assertRefused(again, "guichet.room.r1b", token);
            again.register("guichet.room.r1", token);
            again.awaitRegistered("guichet.room.r1");
        }
    }

    /** Site s1 as stored, with this device added or changed. */
    private static JsonObject deploymentWith(JsonObject device) {
        JsonObject deployment = ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        JsonObject site = deployment.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(candidate -> "s1".equals(candidate.getString("id"))).findFirst().orElseThrow();
        JsonArray devices = site.getJsonArray("devices");
        devices.stream().map(JsonObject.class::cast)
                .filter(known -> device.getString("id").equals(known.getString("id")))
                .findFirst().ifPresent(devices::remove);
        devices.add(device);
        return new JsonObject().put("sites", new JsonArray().add(site));
    }

    @Test
    void every_connection_of_an_agent_ends_when_the_account_is_deactivated() {
        String agent = server.agent("bridge.deactivated", "supervisor", "s1");
        String otherSession = server.login("bridge.deactivated", TestServer.AGENT_PASSWORD);
        long agentId = ok(server.get("/api/v1/auth/me", agent)).getLong("id");
        try (BridgeSocket socket = socket(); BridgeSocket other = socket()) {
            socket.register("guichet.site.s1.queue", agent);
            socket.awaitRegistered("guichet.site.s1.queue");
            other.register("guichet.site.s1.alerts", otherSession);
            other.awaitRegistered("guichet.site.s1.alerts");
            assertThat(ok(server.post("/api/v1/admin/agents/" + agentId + "/deactivate", server.adminToken(), null))
                    .getBoolean("active")).isFalse();
            assertThat(socket.awaitClosed(10)).as("socket of the deactivated account closed").isTrue();
            assertThat(other.awaitClosed(10)).as("socket of its other session closed").isTrue();
        }
        try (BridgeSocket again = socket()) {
            assertRefused(again, "guichet.site.s1.queue", agent);
        }
        assertThat(server.get("/api/v1/auth/me", otherSession).statusCode()).isEqualTo(401);
    }

    @Test
    void internal_and_unknown_addresses_are_refused_even_to_an_administrator() {
        try (BridgeSocket socket = socket()) {
            for (String address : List.of("guichet.internal.auth.revoked", "guichet.internal.device.health",
                    "guichet.internal.counter.changed", "guichet.roomr1", "other.address", "guichet.ticket.short",
                    "guichet.ticket.AAAAAAAAAAAAAAAAAAAAAA.x")) {
                assertRefused(socket, address, server.adminToken());
            }
        }
    }

    @Test
    void agents_supervisors_and_counter_screens_hear_only_their_own_addresses() {
        String supervisor = server.agent("bridge.supervisor", "supervisor", "s1");
        String counterScreen = server.deviceToken("cscreen-1");
        try (BridgeSocket socket = socket()) {
            for (String address : List.of("guichet.counter.c1", "guichet.counter.c3", "guichet.room.r1b",
                    "guichet.site.s1.queue")) {
                socket.register(address, agent1);
                socket.awaitRegistered(address);
            }
            assertRefused(socket, "guichet.site.s1.alerts", agent1);
            assertRefused(socket, "guichet.counter.z1", agent1);
            socket.register("guichet.site.s1.alerts", supervisor);
            socket.awaitRegistered("guichet.site.s1.alerts");
            assertRefused(socket, "guichet.site.s2.alerts", supervisor);
        }
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.counter.c1", counterScreen);
            socket.awaitRegistered("guichet.counter.c1");
            assertRefused(socket, "guichet.counter.c2", counterScreen);
            assertRefused(socket, "guichet.room.r1", counterScreen);
        }
    }

    @Test
    void a_visitor_follows_its_ticket_without_a_token() {
        JsonObject issued = server.issue(agent1, "svc-b");
        String address = "guichet.ticket." + issued.getString("statusToken");
        try (BridgeSocket socket = socket()) {
            socket.register(address, null);
            socket.awaitRegistered(address);
            long id = issued.getLong("id");
            ok(server.post("/api/v1/tickets/" + id + "/call", agent1, new JsonObject().put("counterId", "c1")));
            JsonObject body = socket.nextOn(address, "call").getJsonObject("body");
            assertThat(body.getString("number")).isEqualTo(issued.getString("number"));
            assertThat(body.getString("counterName")).isEqualTo("Guichet 1");
            ok(server.post("/api/v1/tickets/" + id + "/no-show", agent1, null));
        }
    }

    @Test
    void a_counter_screen_hears_its_counter_pause_and_resume() {
        String counterScreen = server.deviceToken("cscreen-1");
        try (BridgeSocket socket = socket()) {
            socket.register("guichet.counter.c1", counterScreen);
            socket.awaitRegistered("guichet.counter.c1");
            ok(server.post("/api/v1/counters/c1/pause", agent1, new JsonObject().put("reason", "pause")));
            JsonObject paused = socket.nextOn("guichet.counter.c1", "state").getJsonObject("body");
            assertThat(paused.getJsonObject("counter").getString("status")).isEqualTo("PAUSED");
            ok(server.post("/api/v1/counters/c1/resume", agent1, null));
            JsonObject resumed = socket.nextOn("guichet.counter.c1", "state").getJsonObject("body");
            assertThat(resumed.getJsonObject("counter").getString("status")).isEqualTo("OPEN");
        }
    }
}
