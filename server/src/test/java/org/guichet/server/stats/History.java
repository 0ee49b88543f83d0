package org.guichet.server.stats;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;

import java.time.Instant;

import static org.guichet.server.testing.TestServer.ok;

/** Writes a fixed ticket history through the real API, each step at a chosen instant of a {@link MutableClock}. */
final class History {

    private final TestServer server;
    private final MutableClock clock;
    private final String kiosk;

    History(TestServer server, MutableClock clock, String kiosk) {
        this.server = server;
        this.clock = clock;
        this.kiosk = kiosk;
    }

    String kiosk() {
        return kiosk;
    }

    History at(String instant) {
        clock.set(Instant.parse(instant));
        return this;
    }

    long issue(String serviceId) {
        return server.issue(kiosk, serviceId).getLong("id");
    }

    void call(long ticket, String agent, String counter) {
        ok(server.post("/api/v1/tickets/" + ticket + "/call", agent, new JsonObject().put("counterId", counter)));
    }

    void act(long ticket, String action, String agent) {
        ok(server.post("/api/v1/tickets/" + ticket + "/" + action, agent, null));
    }

    /** Transfers to another service; answers the successor ticket's id. */
    long transfer(long ticket, String agent, String serviceId) {
        return ok(server.post("/api/v1/tickets/" + ticket + "/transfer", agent,
                new JsonObject().put("serviceId", serviceId).put("note", "pour le service C"))).getLong("id");
    }

    void counter(String counter, String action, String agent) {
        ok(server.post("/api/v1/counters/" + counter + "/" + action, agent,
                action.equals("pause") ? new JsonObject().put("reason", "déjeuner") : null));
    }

}
