package org.guichet.server.web.counter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.guichet.server.testing.TestServer.ok;

/** What the counter-app tests share: fresh agent names, direct reads of the store, and a clean site between tests. */
final class CounterFixture {

    static final List<String> SITE_S1_COUNTERS = List.of("c1", "c2", "c3");
    private static final AtomicInteger AGENTS = new AtomicInteger();

    private CounterFixture() {
    }

    /** A new agent of site s1 (and its API token); log in with {@link TestServer#AGENT_PASSWORD}. */
    static String newAgent(TestServer server, String prefix) {
        String username = uniqueName(prefix);
        server.agent(username, "agent", "s1");
        return username;
    }

    static String uniqueName(String prefix) {
        return prefix + "." + AGENTS.incrementAndGet();
    }

    static String status(TestServer server, long ticketId) {
        return server.sql("SELECT status FROM ticket WHERE id = $1", ticketId).get(0).getString(0);
    }

    static long agentId(TestServer server, String username) {
        return server.sql("SELECT id FROM agent WHERE username = $1", username).get(0).getLong(0);
    }

    /**
     * Leaves site s1 as a new day would: no ticket waiting, called or in service, every counter closed. Acts as the
     * administrator, whom the API lets act for any agent.
     */
    static void resetSite(TestServer server) {
        String admin = server.adminToken();
        for (String counterId : SITE_S1_COUNTERS) {
            JsonObject counter = ok(server.get("/api/v1/counters/" + counterId, admin));
            JsonObject current = counter.getJsonObject("currentTicket");
            if (current != null) {
                String action = "SERVING".equals(current.getString("status")) ? "finish" : "no-show";
                ok(server.post("/api/v1/tickets/" + current.getLong("id") + "/" + action, admin, null));
            }
            if (!"CLOSED".equals(counter.getString("status"))) {
                ok(server.post("/api/v1/counters/" + counterId + "/close", admin, null));
            }
        }
        for (String counterId : SITE_S1_COUNTERS) {
            JsonArray waiting = server.get("/api/v1/counters/" + counterId + "/waiting", admin).bodyAsJsonArray();
            for (int i = 0; i < waiting.size(); i++) {
                ok(server.post("/api/v1/tickets/" + waiting.getJsonObject(i).getLong("id") + "/cancel", admin, null));
            }
        }
    }
}
