package org.guichet.server.web.counter;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;
import static org.guichet.server.web.counter.CounterFixture.agentId;
import static org.guichet.server.web.counter.CounterFixture.newAgent;

/**
 * The times the tablet's taps record: wait = first call − issue, walk = start − call, service = finish − start,
 * per counter and agent, read back from ticket_event. The server runs on a clock the test moves, so every figure is exact.
 */
class CounterServiceTimesTest {

    private static final MutableClock CLOCK = MutableClock.withinTheDayInParis();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(CLOCK);

    private static void wait(int seconds) {
        CLOCK.advance(Duration.ofSeconds(seconds));
    }

    private static Duration between(Row from, Row to) {
        return Duration.between(from.getOffsetDateTime("at"), to.getOffsetDateTime("at"));
    }

    @Test
    void the_times_recorded_by_the_tablet_are_the_agents_real_times() {
        String tabletAgent = newAgent(server, "timed");
        String apiAgentName = CounterFixture.uniqueName("timed.api");
        String apiAgent = server.agentAtCounter(apiAgentName, "s1", "c2");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(tabletAgent, "c1");

            // Visitor 1 at Guichet 1 (tablet): waits 95 s, walks 60 s (recalled on the way), is served 300 s.
            JsonObject visitor1 = server.issue(server.tokenOf("kiosk-1"), "svc-b");
            tablet.waitForWaiting(visitor1.getString("number"));
            wait(95);
            tablet.tap("call-next");
            tablet.waitForMode("called");
            wait(20);
            tablet.tap("btn-recall");
            tablet.waitFor("the recall", () -> tablet.text("recall-count") != null);
            wait(40);
            tablet.tap("btn-start");
            tablet.waitForMode("serving");
            wait(300);
            tablet.tap("btn-finish");
            tablet.waitForMode("idle");

            // Visitor 2 at Guichet 2 (another agent): waits 30 s, walks 10 s, is served 120 s.
            JsonObject visitor2 = server.issue(server.tokenOf("kiosk-1"), "svc-a");
            wait(30);
            long visitor2Id = ok(server.post("/api/v1/counters/c2/call-next", apiAgent, null)).getLong("id");
            assertThat(visitor2Id).isEqualTo(visitor2.getLong("id"));
            wait(10);
            ok(server.post("/api/v1/tickets/" + visitor2Id + "/start", apiAgent, null));
            wait(120);
            ok(server.post("/api/v1/tickets/" + visitor2Id + "/finish", apiAgent, null));

            // Visitor 3 at Guichet 1: waits 11 s, never comes.
            JsonObject visitor3 = server.issue(server.tokenOf("kiosk-1"), "svc-b");
            tablet.waitForWaiting(visitor3.getString("number"));
            wait(11);
            tablet.tap("call-next");
            tablet.waitForMode("called");
            wait(45);
            tablet.tap("btn-no-show");
            tablet.waitForMode("idle");

            long me = agentId(server, tabletAgent);
            List<Row> events = server.sql("""
                    SELECT kind, at, counter_id, agent_id FROM ticket_event WHERE ticket_id = $1 ORDER BY id""",
                    visitor1.getLong("id"));
            assertThat(events).extracting(row -> row.getString("kind"))
                    .containsExactly("ISSUE", "CALL", "RECALL", "START", "FINISH");
            events.subList(1, events.size()).forEach(event -> {
                assertThat(event.getString("counter_id")).isEqualTo("c1");
                assertThat(event.getLong("agent_id")).isEqualTo(me);
            });
            assertThat(between(events.get(0), events.get(1))).as("wait").isEqualTo(Duration.ofSeconds(95));
            assertThat(between(events.get(1), events.get(3))).as("walk").isEqualTo(Duration.ofSeconds(60));
            assertThat(between(events.get(3), events.get(4))).as("service").isEqualTo(Duration.ofSeconds(300));

            // The ticket row tells the same story as its events.
            Row ticket = server.sql("""
                    SELECT issued_at, first_called_at, called_at, started_at, ended_at FROM ticket WHERE id = $1""",
                    visitor1.getLong("id")).get(0);
            assertThat(Duration.between(ticket.getOffsetDateTime("issued_at"),
                    ticket.getOffsetDateTime("first_called_at"))).isEqualTo(Duration.ofSeconds(95));
            assertThat(ticket.getOffsetDateTime("started_at")).isEqualTo(events.get(3).getOffsetDateTime("at"));
            assertThat(ticket.getOffsetDateTime("ended_at")).isEqualTo(events.get(4).getOffsetDateTime("at"));

            // Per counter and agent, straight from the events.
            List<Row> perCounter = server.sql("""
                    SELECT c.counter_id, c.agent_id,
                           count(*) AS calls,
                           sum(extract(epoch FROM c.at - i.at)) AS wait_seconds,
                           sum(extract(epoch FROM s.at - c.at)) AS walk_seconds,
                           sum(extract(epoch FROM f.at - s.at)) AS service_seconds
                    FROM ticket_event c
                    JOIN ticket_event i ON i.ticket_id = c.ticket_id AND i.kind = 'ISSUE'
                    LEFT JOIN ticket_event s ON s.ticket_id = c.ticket_id AND s.kind = 'START'
                    LEFT JOIN ticket_event f ON f.ticket_id = c.ticket_id AND f.kind = 'FINISH'
                    WHERE c.kind = 'CALL' AND c.ticket_id = ANY($1)
                    GROUP BY c.counter_id, c.agent_id ORDER BY c.counter_id""",
                    (Object) new Long[]{visitor1.getLong("id"), visitor2.getLong("id"), visitor3.getLong("id")});
            assertThat(perCounter).hasSize(2);
            Row c1 = perCounter.get(0);
            assertThat(c1.getString("counter_id")).isEqualTo("c1");
            assertThat(c1.getLong("agent_id")).isEqualTo(me);
            assertThat(c1.getLong("calls")).isEqualTo(2);
            assertThat(c1.getNumeric("wait_seconds").intValue()).isEqualTo(95 + 11);
            assertThat(c1.getNumeric("walk_seconds").intValue()).isEqualTo(60);
            assertThat(c1.getNumeric("service_seconds").intValue()).isEqualTo(300);
            Row c2 = perCounter.get(1);
            assertThat(c2.getString("counter_id")).isEqualTo("c2");
            assertThat(c2.getLong("agent_id")).isEqualTo(agentId(server, apiAgentName));
            assertThat(c2.getNumeric("wait_seconds").intValue()).isEqualTo(30);
            assertThat(c2.getNumeric("walk_seconds").intValue()).isEqualTo(10);
            assertThat(c2.getNumeric("service_seconds").intValue()).isEqualTo(120);

            // "My day" gives each agent their own figures from the same events, and the tablet shows them.
            JsonObject myDay = ok(server.get("/api/v1/agents/me/today", server.login(tabletAgent,
                    TestServer.AGENT_PASSWORD)));
            assertThat(myDay.getInteger("called")).isEqualTo(2);
            assertThat(myDay.getInteger("served")).isEqualTo(1);
            assertThat(myDay.getInteger("noShows")).isEqualTo(1);
            assertThat(myDay.getLong("averageServiceSeconds")).isEqualTo(300);
            assertThat(myDay.getLong("averageWalkSeconds")).isEqualTo(60);
            assertThat(myDay.getLong("averageWaitSeconds")).isEqualTo(53); // (95 + 11) / 2
            assertThat(myDay.getString("at")).isEqualTo(CLOCK.instant().toString());
            JsonObject theirDay = ok(server.get("/api/v1/agents/me/today", apiAgent));
            assertThat(theirDay.getInteger("served")).isEqualTo(1);
            assertThat(theirDay.getLong("averageServiceSeconds")).isEqualTo(120);
            assertThat(theirDay.getLong("averageWaitSeconds")).isEqualTo(30);

            tablet.waitFor("my day on the tablet", () -> tablet.text("today-served").startsWith("1"));
            assertThat(tablet.text("today-service")).startsWith("5 min");
            assertThat(tablet.text("today-wait")).startsWith("53 s");
            assertThat(tablet.text("today-no-shows")).startsWith("1");
        }
    }
}
