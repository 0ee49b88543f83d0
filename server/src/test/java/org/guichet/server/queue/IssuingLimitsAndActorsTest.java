package org.guichet.server.queue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * What a device may ask of the queue, and how often; and who is recorded when a supervisor acts on a colleague's
 * counter. The clock stands still unless the test moves it, so a device's issuing allowance only refills when told.
 */
class IssuingLimitsAndActorsTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock)
            .withOptions(options -> options.withDeviceIssuing(IssuingRate.DEVICE_DEFAULT));

    private static HttpResponse<Buffer> issue(String token, String serviceId, String priority) {
        return server.post("/api/v1/tickets", token, new JsonObject().put("serviceId", serviceId)
                .put("priority", priority));
    }

    @Test
    void a_kiosk_may_not_ask_for_an_appointment_priority_but_an_agent_may() {
        String kiosk = server.tokenOf("kiosk-1");
        String agent = server.agent("limits.appointments", "agent", "s1");

        HttpResponse<Buffer> refused = issue(kiosk, "svc-b", "APPOINTMENT");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("priority_not_allowed");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("APPOINTMENT");

        assertThat(issue(kiosk, "svc-b", "PRIORITY").statusCode()).isEqualTo(201);
        assertThat(issue(kiosk, "svc-b", "NORMAL").statusCode()).isEqualTo(201);
        HttpResponse<Buffer> byAgent = issue(agent, "svc-b", "APPOINTMENT");
        assertThat(byAgent.statusCode()).isEqualTo(201);
        assertThat(byAgent.bodyAsJsonObject().getString("priority")).isEqualTo("APPOINTMENT");
    }

    @Test
    void a_kiosk_issuing_faster_than_a_hall_could_is_refused_with_a_retry_after_and_others_are_not() {
        String kiosk = server.deviceToken("kiosk-2");
        String otherKiosk = server.tokenOf("kiosk-1");
        String agent = server.agent("limits.rate", "agent", "s2");

        HttpResponse<Buffer> refused = null;
        int issued = 0;
        for (int attempt = 0; attempt < 200 && refused == null; attempt++) {
            HttpResponse<Buffer> response = issue(kiosk, "svc-z", "NORMAL");
            if (response.statusCode() == 201) {
                issued++;
            } else {
                refused = response;
            }
        }
        assertThat(refused).as("a refusal within 200 tickets at once from one kiosk").isNotNull();
        assertThat(issued).as("a burst is allowed first").isPositive();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("issuing_throttled");
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertThat(retryAfter).isPositive();

        // Another kiosk and an agent are not held back by this kiosk's pace.
        assertThat(issue(otherKiosk, "svc-a", "NORMAL").statusCode()).isEqualTo(201);
        assertThat(issue(agent, "svc-z", "NORMAL").statusCode()).isEqualTo(201);
        assertThat(issue(kiosk, "svc-z", "NORMAL").statusCode()).as("still too soon").isEqualTo(429);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(issue(kiosk, "svc-z", "NORMAL").statusCode()).as("after Retry-After").isEqualTo(201);
    }

    @Test
    void a_supervisors_action_on_an_agents_counter_is_recorded_under_the_supervisor() {
        String agent = server.agentAtCounter("actors.agent", "s1", "c3");
        String supervisor = server.agent("actors.supervisor", "supervisor", "s1");
        long agentId = ok(server.get("/api/v1/auth/me", agent)).getLong("id");
        long supervisorId = ok(server.get("/api/v1/auth/me", supervisor)).getLong("id");

        server.issue(agent, "svc-c");
        long ticket = ok(server.post("/api/v1/counters/c3/call-next", agent, null)).getLong("id");
        ok(server.post("/api/v1/tickets/" + ticket + "/no-show", supervisor, null));
        ok(server.post("/api/v1/counters/c3/pause", supervisor, new JsonObject().put("reason", "réunion")));

        var noShow = server.sql("SELECT agent_id FROM ticket_event WHERE ticket_id = $1 AND kind = 'NO_SHOW'", ticket);
        assertThat(noShow.get(0).getLong("agent_id")).as("the no-show, recorded by the supervisor")
                .isEqualTo(supervisorId);
        var pause = server.sql("SELECT agent_id, acted_by FROM counter_event WHERE counter_id = 'c3' AND kind = 'PAUSE'"
                               + " ORDER BY id DESC LIMIT 1");
        assertThat(pause.get(0).getLong("agent_id")).as("the counter stays the agent's").isEqualTo(agentId);
        assertThat(pause.get(0).getLong("acted_by")).as("the pause, done by the supervisor")
                .isEqualTo(supervisorId);
        var opened = server.sql("SELECT agent_id, acted_by FROM counter_event WHERE counter_id = 'c3' AND kind = 'OPEN'"
                                + " ORDER BY id DESC LIMIT 1");
        assertThat(opened.get(0).getLong("acted_by")).as("the agent opened it").isEqualTo(agentId);
    }
}
