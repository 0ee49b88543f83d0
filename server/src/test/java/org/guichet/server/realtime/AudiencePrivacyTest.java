package org.guichet.server.realtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Screens are devices visitors look at, and a visitor's page is public to whoever holds the ticket: neither ever
 * receives an agent's note, id or name, a pause reason or a visit's outcome — not on the bridge, not over REST —
 * while the agents' own tablets do get them.
 */
class AudiencePrivacyTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Fields that name or describe an agent, or what an agent wrote. */
    private static final Set<String> AGENT_ONLY = Set.of("note", "agentId", "agentName", "pauseReason", "outcome");
    private static final String NOTE = "Mme Dupont, né le 3 mai 1950, dossier RSA 123456";
    private static final String OUTCOME = "pièce manquante : avis d'imposition";
    private static final String PAUSE_REASON = "rendez-vous médical";

    @Test
    void screens_and_visitors_never_receive_what_an_agent_wrote_or_who_the_agent_is() {
        String kiosk = server.deviceToken("kiosk-1");
        String roomScreen = server.deviceToken("screen-1");
        String counterScreen = server.deviceToken("cscreen-1");
        String first = server.agentAtCounter("privacy.first", "s1", "c2");
        String second = server.agentAtCounter("privacy.second", "s1", "c1");

        JsonObject issued = server.issue(kiosk, "svc-a");
        String visitorAddress = "guichet.ticket." + issued.getString("statusToken");
        List<JsonObject> heard = new ArrayList<>();
        try (BridgeSocket screen = BridgeSocket.connect(server.vertx(), server.port());
             BridgeSocket aboveCounter = BridgeSocket.connect(server.vertx(), server.port());
             BridgeSocket visitor = BridgeSocket.connect(server.vertx(), server.port())) {
            var bus = server.server().vertx().eventBus();
            screen.register("guichet.room.r1", roomScreen);
            screen.register("guichet.site.s1.queue", roomScreen);
            aboveCounter.register("guichet.counter.c1", counterScreen);
            visitor.register(visitorAddress, null);
            screen.awaitRegistered("guichet.room.r1");
            screen.awaitRegistered("guichet.site.s1.queue");
            aboveCounter.awaitRegistered("guichet.counter.c1");
            visitor.awaitRegistered(visitorAddress);

            // The first agent calls the visitor, then sends them to counter 1 with a note about them.
            long called = ok(server.post("/api/v1/counters/c2/call-next", first, null)).getLong("id");
            long successor = ok(server.post("/api/v1/tickets/" + called + "/transfer", first,
                    new JsonObject().put("counterId", "c1").put("note", NOTE))).getLong("id");
            // The second agent calls them to counter 1, serves them, records an outcome, then pauses.
            ok(server.post("/api/v1/tickets/" + successor + "/call", second, new JsonObject().put("counterId", "c1")));
            ok(server.post("/api/v1/tickets/" + successor + "/recall", second, null));
            ok(server.post("/api/v1/tickets/" + successor + "/start", second, null));
            heard.add(ok(server.get("/api/v1/counters/c1", counterScreen)));
            heard.add(ok(server.get("/api/v1/rooms/r1/display", roomScreen)));
            heard.add(ok(server.get("/api/v1/public/tickets/" + issued.getString("statusToken"), null)));
            ok(server.post("/api/v1/tickets/" + successor + "/finish", second, new JsonObject().put("outcome", OUTCOME)));
            ok(server.post("/api/v1/counters/c1/pause", second, new JsonObject().put("reason", PAUSE_REASON)));
            heard.add(ok(server.get("/api/v1/counters/c1", counterScreen)));
            heard.add(ok(server.get("/api/v1/rooms/r1/display", roomScreen)));
            heard.add(ok(server.get("/api/v1/public/tickets/" + issued.getString("statusToken"), null)));

            // What each heard live: the calls, the recall, the end, the pause, the waiting counts.
            List<JsonObject> onScreen = new ArrayList<>();
            List<JsonObject> onCounter = new ArrayList<>();
            List<JsonObject> onVisitor = new ArrayList<>();
            Eventually.untilPasses("the screens and the visitor heard the whole visit", () -> {
                onScreen.addAll(screen.drain());
                onCounter.addAll(aboveCounter.drain());
                onVisitor.addAll(visitor.drain());
                assertThat(types(onScreen)).contains("call", "recall", "transfer", "queue");
                assertThat(types(onCounter)).contains("call", "recall", "start", "finish", "state");
                assertThat(types(onVisitor)).contains("call", "transfer", "issue", "recall", "start", "finish");
            });
            onScreen.forEach(frame -> heard.add(frame.getJsonObject("body")));
            onCounter.forEach(frame -> heard.add(frame.getJsonObject("body")));
            onVisitor.forEach(frame -> heard.add(frame.getJsonObject("body")));
        }

        String agentName = "privacy.second";
        for (JsonObject message : heard) {
            assertThat(fieldsIn(message)).as(message.encode()).doesNotContainAnyElementsOf(AGENT_ONLY);
            assertThat(message.encode()).as("what a screen or visitor got")
                    .doesNotContain(NOTE, OUTCOME, PAUSE_REASON, agentName);
        }

        // The agents' tablets, over REST, do get them: the views differ by audience, not by accident.
        JsonObject forAgent = ok(server.get("/api/v1/tickets/" + successor(heard), second));
        assertThat(forAgent.getString("note")).isEqualTo(NOTE);
        assertThat(forAgent.getString("outcome")).isEqualTo(OUTCOME);
        assertThat(forAgent.getLong("agentId")).isNotNull();
        JsonObject counterForAgent = ok(server.get("/api/v1/counters/c1", second));
        assertThat(counterForAgent.getString("pauseReason")).isEqualTo(PAUSE_REASON);
        assertThat(counterForAgent.getString("agentName")).isEqualTo(agentName);
        ok(server.post("/api/v1/counters/c1/close", second, null)); // free for the other test
    }

    @Test
    void a_counter_top_screen_whose_agent_transfers_with_a_note_hears_neither_the_note_nor_the_agent() {
        String roomScreen = server.deviceToken("screen-1b");
        String counterScreen = server.tokenOf("cscreen-1");
        String agent = server.agentAtCounter("privacy.sender", "s1", "c1");
        long agentId = ok(server.get("/api/v1/auth/me", agent)).getLong("id");
        JsonObject issued = server.issue(agent, "svc-b");
        String visitorAddress = "guichet.ticket." + issued.getString("statusToken");
        List<JsonObject> heard = new ArrayList<>();
        try (BridgeSocket aboveCounter = BridgeSocket.connect(server.vertx(), server.port());
             BridgeSocket targetRoom = BridgeSocket.connect(server.vertx(), server.port());
             BridgeSocket visitor = BridgeSocket.connect(server.vertx(), server.port())) {
            var bus = server.server().vertx().eventBus();
            aboveCounter.register("guichet.counter.c1", counterScreen);
            targetRoom.register("guichet.room.r1b", roomScreen);
            visitor.register(visitorAddress, null);
            aboveCounter.awaitRegistered("guichet.counter.c1");
            targetRoom.awaitRegistered("guichet.room.r1b");
            visitor.awaitRegistered(visitorAddress);

            // Counter 1's agent calls the visitor, starts, then sends them to service C (another room) with a note.
            ok(server.post("/api/v1/tickets/" + issued.getLong("id") + "/call", agent,
                    new JsonObject().put("counterId", "c1")));
            ok(server.post("/api/v1/tickets/" + issued.getLong("id") + "/start", agent, null));
            long successor = ok(server.post("/api/v1/tickets/" + issued.getLong("id") + "/transfer", agent,
                    new JsonObject().put("serviceId", "svc-c").put("note", NOTE))).getLong("id");
            heard.add(ok(server.get("/api/v1/counters/c1", counterScreen)));
            heard.add(ok(server.get("/api/v1/rooms/r1b/display", roomScreen)));
            heard.add(ok(server.get("/api/v1/public/tickets/" + issued.getString("statusToken"), null)));
            // Neither device may read the ticket itself, where the note is.
            assertThat(server.get("/api/v1/tickets/" + successor, counterScreen).statusCode()).isEqualTo(403);
            assertThat(server.get("/api/v1/tickets/" + successor, roomScreen).statusCode()).isEqualTo(403);

            Eventually.untilPasses("the counter's screen and the visitor heard the transfer", () -> {
                aboveCounter.drain().forEach(frame -> heard.add(frame.getJsonObject("body")));
                visitor.drain().forEach(frame -> heard.add(frame.getJsonObject("body")));
                assertThat(heard.stream().map(message -> message.getString("type")).toList())
                        .contains("call", "start", "transfer");
            });
            heard.addAll(targetRoom.drain().stream().map(frame -> frame.getJsonObject("body")).toList());
            ok(server.post("/api/v1/counters/c1/close", agent, null)); // free for the other test
        }
        for (JsonObject message : heard) {
            assertThat(fieldsIn(message)).as(message.encode()).doesNotContainAnyElementsOf(AGENT_ONLY);
            assertThat(message.encode()).as("what a screen or visitor got")
                    .doesNotContain(NOTE, "privacy.sender", "\"" + agentId + "\"");
        }
    }

    /** The id of the ticket the counter-top screen saw in service at counter 1. */
    private static long successor(List<JsonObject> heard) {
        return heard.get(0).getJsonObject("currentTicket").getLong("id");
    }

    private static List<String> types(List<JsonObject> frames) {
        return frames.stream().map(frame -> frame.getJsonObject("body").getString("type")).toList();
    }

    /** Every field name at any depth. */
    private static List<String> fieldsIn(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof JsonObject object) {
            object.forEach(entry -> {
                names.add(entry.getKey());
                names.addAll(fieldsIn(entry.getValue()));
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> names.addAll(fieldsIn(item)));
        }
        return names;
    }
}
