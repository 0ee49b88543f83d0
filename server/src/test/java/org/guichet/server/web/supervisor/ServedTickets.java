package org.guichet.server.web.supervisor;

import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;

import java.time.Duration;

import static org.guichet.server.testing.TestServer.ok;

/** A morning's history for supervision to show: tickets of svc-a taken at the kiosk and served at c1, one by one. */
final class ServedTickets {

    private ServedTickets() {
    }

    /** Each ticket waits {@code beforeCall}, walks to the counter in {@code beforeStart}, is served in {@code service}. */
    static void serve(TestServer server, MutableClock clock, String kiosk, String agent, int count,
                      Duration beforeCall, Duration beforeStart, Duration service) {
        for (int i = 0; i < count; i++) {
            long ticket = server.issue(kiosk, "svc-a").getLong("id");
            clock.advance(beforeCall);
            ok(server.post("/api/v1/tickets/" + ticket + "/call", agent, new JsonObject().put("counterId", "c1")));
            clock.advance(beforeStart);
            ok(server.post("/api/v1/tickets/" + ticket + "/start", agent, null));
            clock.advance(service);
            ok(server.post("/api/v1/tickets/" + ticket + "/finish", agent, null));
        }
    }
}
