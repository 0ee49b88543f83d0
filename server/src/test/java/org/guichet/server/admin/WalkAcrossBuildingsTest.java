package org.guichet.server.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A visitor sent from a service in building A to one in building B: the minutes spent crossing to the other building
 * count as waiting in the new service (from the transfer to its call), and each service's walk is from its own call
 * to its own start, so neither building's walk time takes in the other's.
 */
class WalkAcrossBuildingsTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);

    @Test
    void each_services_walk_and_wait_stay_its_own_when_the_visitor_changes_building() {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(1)
                .put("building", "Bâtiment B").put("floor", "1er étage");
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        String first = server.agentAtCounter("walk.first", "s1", "c1");
        String second = server.agentAtCounter("walk.second", "s1", "c3");
        long ticket = server.issue(server.deviceToken("kiosk-1"), "svc-a").getLong("id");

        clock.advance(Duration.ofMinutes(4));
        ok(server.post("/api/v1/tickets/" + ticket + "/call", first, new JsonObject().put("counterId", "c1")));
        clock.advance(Duration.ofMinutes(1));
        ok(server.post("/api/v1/tickets/" + ticket + "/start", first, null));
        clock.advance(Duration.ofMinutes(6));
        JsonObject successor = ok(server.post("/api/v1/tickets/" + ticket + "/transfer", first,
                new JsonObject().put("serviceId", "svc-c")));
        assertThat(successor.getJsonObject("where").getString("building")).isEqualTo("Bâtiment B");

        clock.advance(Duration.ofMinutes(7)); // the way to building B, then waiting there
        ok(server.post("/api/v1/tickets/" + successor.getLong("id") + "/call", second,
                new JsonObject().put("counterId", "c3")));
        clock.advance(Duration.ofMinutes(2));
        ok(server.post("/api/v1/tickets/" + successor.getLong("id") + "/start", second, null));
        clock.advance(Duration.ofMinutes(9));
        ok(server.post("/api/v1/tickets/" + successor.getLong("id") + "/finish", second, null));

        Row inA = fact(ticket);
        Row inB = fact(successor.getLong("id"));
        assertThat(inA.getString("outcome")).isEqualTo("TRANSFERRED");
        assertThat(inA.getInteger("wait_s")).isEqualTo(240);
        assertThat(inA.getInteger("walk_s")).isEqualTo(60);
        assertThat(inA.getInteger("service_s")).isEqualTo(360);
        assertThat(inB.getString("outcome")).isEqualTo("DONE");
        assertThat(inB.getInteger("wait_s")).as("from the transfer to the call in building B").isEqualTo(420);
        assertThat(inB.getInteger("walk_s")).as("building B's own walk, call to start").isEqualTo(120);
        assertThat(inB.getInteger("service_s")).isEqualTo(540);
    }

    private static Row fact(long ticketId) {
        return server.sql("SELECT outcome, wait_s, walk_s, service_s FROM ticket_fact WHERE ticket_id = $1", ticketId)
                .get(0);
    }
}
