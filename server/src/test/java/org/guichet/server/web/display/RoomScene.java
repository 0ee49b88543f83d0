package org.guichet.server.web.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;

import java.util.ArrayList;
import java.util.List;

import static org.guichet.server.testing.TestServer.ok;

/**
 * A realistic waiting room for the screen's layout tests and screenshots: a council's long service and counter
 * names, four services, six calls already served, one ticket just called and people waiting in both services.
 */
final class RoomScene {

    static final String LONG_SERVICE = "Revenu de solidarité active (RSA) et insertion professionnelle";
    static final String OTHER_SERVICE = "Allocation personnalisée d’autonomie (APA)";
    static final String LONG_COUNTER = "Accueil social 12";
    static final String OTHER_COUNTER = "Bureau 4 – APA";
    static final String MESSAGE = "Merci de préparer votre pièce d’identité · Please have your ID ready";

    private RoomScene() {
    }

    /** The test deployment with the first site's room, services and counters given long, realistic names. */
    static JsonObject longNames() {
        JsonObject deployment = TestServer.deployment();
        JsonObject site = deployment.getJsonArray("sites").getJsonObject(0);
        site.put("name", "Maison départementale des solidarités – Nord");
        site.getJsonArray("rooms").getJsonObject(0).put("name", "Hall A");
        JsonArray services = site.getJsonArray("services");
        services.getJsonObject(0).put("name", LONG_SERVICE)
                .put("translations", new JsonObject().put("en", "Earned income supplement (RSA) and employment"));
        services.getJsonObject(1).put("name", OTHER_SERVICE);
        // Four services wait in the room, as in a council's busy hall: the last calls get less room.
        services.add(new JsonObject().put("id", "svc-d").put("name", "Aide sociale à l’enfance – accueil des familles")
                .put("prefix", "D").put("room", "r1").put("targetWaitMinutes", 20));
        services.add(new JsonObject().put("id", "svc-e").put("name", "Maison départementale des personnes handicapées")
                .put("prefix", "E").put("room", "r1").put("targetWaitMinutes", 20));
        JsonArray counters = site.getJsonArray("counters");
        counters.getJsonObject(0).put("name", LONG_COUNTER);
        counters.getJsonObject(1).put("name", OTHER_COUNTER);
        return deployment;
    }

    static JsonObject call(TestServer server, String agent, JsonObject ticket, String counterId) {
        return ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/call", agent,
                new JsonObject().put("counterId", counterId)));
    }

    static void start(TestServer server, String agent, JsonObject ticket) {
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/start", agent, null));
    }

    static void finish(TestServer server, String agent, JsonObject ticket) {
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/finish", agent, null));
    }

    /**
     * Six calls served alternately at c1 and c2, then one just called at c1 (still called: the visitor walks to the
     * counter), and people waiting in both services. Returns the called tickets, oldest first (the last is current).
     */
    static List<JsonObject> busyMorning(TestServer server, String agentC1, String agentC2) {
        List<JsonObject> called = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            boolean atC1 = i % 2 == 0;
            String agent = atC1 ? agentC1 : agentC2;
            JsonObject ticket = server.issue(agent, atC1 ? "svc-b" : "svc-a");
            call(server, agent, ticket, atC1 ? "c1" : "c2");
            if (i < 6) {
                start(server, agent, ticket);
                finish(server, agent, ticket);
            }
            called.add(ticket);
        }
        for (int i = 0; i < 4; i++) {
            server.issue(agentC1, "svc-a");
        }
        server.issue(agentC1, "svc-b");
        return called;
    }
}
