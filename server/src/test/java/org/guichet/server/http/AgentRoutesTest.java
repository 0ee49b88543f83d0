package org.guichet.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** GET /api/v1/agents/me/today: the agent's own day, from the recorded events of the site's service day. */
class AgentRoutesTest {

    // 10:00 in Paris, 20:00 in Nouméa: far from midnight at both sites.
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK);

    private static String dayIn(String zone) {
        return CLOCK.instant().atZone(ZoneId.of(zone)).toLocalDate().toString();
    }

    private static JsonObject today(String token) {
        return ok(server.get("/api/v1/agents/me/today", token));
    }

    private static void serve(String token, String counterId, String serviceId, int waitSeconds, int walkSeconds,
                              int serviceSeconds) {
        server.issue(server.tokenOf("kiosk-1"), serviceId);
        CLOCK.advance(Duration.ofSeconds(waitSeconds));
        long id = ok(server.post("/api/v1/counters/" + counterId + "/call-next", token, null)).getLong("id");
        CLOCK.advance(Duration.ofSeconds(walkSeconds));
        ok(server.post("/api/v1/tickets/" + id + "/start", token, null));
        CLOCK.advance(Duration.ofSeconds(serviceSeconds));
        ok(server.post("/api/v1/tickets/" + id + "/finish", token, null));
    }

    @Test
    void an_agent_sees_only_their_own_work_of_the_current_service_day() {
        String alice = server.agentAtCounter("today.alice", "s1", "c1");
        String bob = server.agentAtCounter("today.bob", "s1", "c3");

        JsonObject nothingYet = today(alice);
        assertThat(nothingYet.getInteger("served")).isZero();
        assertThat(nothingYet.getValue("averageServiceSeconds")).isNull();
        assertThat(nothingYet.getString("siteId")).isEqualTo("s1");
        assertThat(nothingYet.getString("serviceDay")).isEqualTo(dayIn("Europe/Paris"));

        serve(alice, "c1", "svc-a", 60, 20, 240);
        serve(alice, "c1", "svc-a", 120, 40, 360);
        serve(bob, "c3", "svc-c", 10, 10, 900);

        JsonObject aliceDay = today(alice);
        assertThat(aliceDay.getInteger("called")).isEqualTo(2);
        assertThat(aliceDay.getInteger("served")).isEqualTo(2);
        assertThat(aliceDay.getLong("averageWaitSeconds")).isEqualTo(90);
        assertThat(aliceDay.getLong("averageWalkSeconds")).isEqualTo(30);
        assertThat(aliceDay.getLong("averageServiceSeconds")).isEqualTo(300);
        assertThat(aliceDay.getLong("totalServiceSeconds")).isEqualTo(600);
        assertThat(aliceDay.getString("at")).isEqualTo(CLOCK.instant().toString());

        JsonObject bobDay = today(bob);
        assertThat(bobDay.getInteger("served")).isEqualTo(1);
        assertThat(bobDay.getLong("averageServiceSeconds")).isEqualTo(900);

        // The next service day starts from zero; yesterday's events stay in the store.
        CLOCK.advance(Duration.ofDays(1));
        String aliceTomorrow = server.login("today.alice", TestServer.AGENT_PASSWORD);
        JsonObject nextDay = today(aliceTomorrow);
        assertThat(nextDay.getInteger("served")).isZero();
        assertThat(nextDay.getString("serviceDay")).isEqualTo(dayIn("Europe/Paris"));
        assertThat(nextDay.getString("serviceDay")).isNotEqualTo(nothingYet.getString("serviceDay"));
        assertThat(nextDay.getValue("averageServiceSeconds")).isNull();
    }

    @Test
    void a_device_may_not_ask_and_a_site_outside_the_account_is_refused() {
        HttpResponse<Buffer> device = server.get("/api/v1/agents/me/today", server.tokenOf("kiosk-1"));
        assertThat(device.statusCode()).isEqualTo(403);
        assertThat(device.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");

        String agent = server.agent("today.s1only", "agent", "s1");
        HttpResponse<Buffer> otherSite = server.get("/api/v1/agents/me/today?siteId=s2", agent);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> unknown = server.get("/api/v1/agents/me/today?siteId=nowhere", agent);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/agents/me/today", null).statusCode()).isEqualTo(401);
    }

    @Test
    void an_agent_of_several_sites_names_the_site() {
        String agent = server.agent("today.two-sites", "agent", "s1", "s2");
        HttpResponse<Buffer> ambiguous = server.get("/api/v1/agents/me/today", agent);
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.bodyAsJsonObject().getString("message")).contains("siteId");
        JsonObject noumea = ok(server.get("/api/v1/agents/me/today?siteId=s2", agent));
        assertThat(noumea.getString("siteId")).isEqualTo("s2");
        assertThat(noumea.getString("serviceDay")).isEqualTo(dayIn("Pacific/Noumea"));
    }
}
