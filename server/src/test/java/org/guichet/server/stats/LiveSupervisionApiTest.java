package org.guichet.server.stats;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The live view of a site and the alerts published on guichet.site.&lt;siteId&gt;.alerts. */
class LiveSupervisionApiTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);
    private static String supervisor;
    private static String agent;
    private static History history;

    @BeforeAll
    static void setUp() {
        supervisor = server.agent("live.supervisor", "supervisor", "s1");
        agent = server.agent("live.agent", "agent", "s1");
        history = new History(server, clock, server.deviceToken("kiosk-1"));
    }

    private static JsonObject live() {
        return TestServer.ok(server.get("/api/v1/stats/live?siteId=s1", supervisor));
    }

    private static JsonObject counter(JsonObject live, String id) {
        return live.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(counter -> counter.getString("id").equals(id)).findFirst().orElseThrow();
    }

    /** The alerts but those about devices that never connected. */
    private static List<JsonObject> heardOf(io.vertx.core.json.JsonArray alerts) {
        return alerts.stream().map(JsonObject.class::cast).filter(a -> !"never".equals(a.getString("kind"))).toList();
    }

    /** The next alert message that raised or cleared {@code key}. */
    private static JsonObject awaitAlert(LinkedBlockingQueue<JsonObject> messages, String key) {
        return Eventually.await("an alert message about " + key, messages::poll, message -> message != null
                && (message.getJsonArray("raised").contains(key) || message.getJsonArray("cleared").contains(key)));
    }

    @Test
    void counters_tickets_queues_and_alerts_of_one_site() throws Exception {
        LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        MessageConsumer<JsonObject> consumer = server.vertx().eventBus()
                .consumer("guichet.site.s1.alerts", message -> messages.add(message.body()));
        try {
            history.at("2026-03-10T08:00:00Z").counter("c1", "open", agent);
            long served = history.issue("svc-a");
            long waiting = history.at("2026-03-10T08:01:00Z").issue("svc-b");
            history.at("2026-03-10T08:02:00Z").call(served, agent, "c1");
            history.at("2026-03-10T08:03:00Z").act(served, "start", agent);

            JsonObject live = live();
            assertThat(live.getString("timeZone")).isEqualTo("Europe/Paris");
            JsonObject c1 = counter(live, "c1");
            assertThat(c1.getString("status")).isEqualTo("OPEN");
            assertThat(c1.getString("agentName")).isEqualTo("live.agent");
            assertThat(c1.getJsonObject("currentTicket").getString("status")).isEqualTo("SERVING");
            assertThat(c1.getJsonObject("currentTicket").getString("startedAt")).isEqualTo("2026-03-10T08:03:00Z");
            assertThat(counter(live, "c2").getString("status")).isEqualTo("CLOSED");
            assertThat(counter(live, "c2").getValue("currentTicket")).isNull();
            JsonObject serviceB = live.getJsonObject("queue").getJsonArray("services").stream()
                    .map(JsonObject.class::cast).filter(s -> s.getString("serviceId").equals("svc-b")).findFirst()
                    .orElseThrow();
            assertThat(serviceB.getLong("waiting")).isEqualTo(1);
            assertThat(serviceB.getBoolean("overTarget")).isFalse();
            assertThat(live.getJsonObject("today").getLong("issued")).isEqualTo(2);
            assertThat(live.getJsonObject("today").getLong("inProgress")).isEqualTo(2);
            // No wait over its target; the site's devices have not connected yet, and are reported as such once the
            // periodic check has run since the server started.
            JsonArray alerts = Eventually.await("the devices reported as never connected",
                    () -> live().getJsonArray("alerts"), found -> !found.isEmpty());
            assertThat(alerts.stream().map(JsonObject.class::cast).map(a -> a.getString("kind"))).containsOnly("never");
            assertThat(heardOf(alerts)).isEmpty();

            // svc-b's target is 10 minutes: at 08:11:01 its ticket of 08:01 is over it
            clock.set(Instant.parse("2026-03-10T08:11:01Z"));
            JsonObject raised = awaitAlert(messages, "wait:svc-b");
            assertThat(raised.getString("type")).isEqualTo("alerts");
            JsonObject alert = heardOf(raised.getJsonArray("alerts")).get(0);
            assertThat(alert.getString("kind")).isEqualTo("wait");
            assertThat(alert.getLong("longestWaitSeconds")).isEqualTo(601);
            assertThat(heardOf(live().getJsonArray("alerts")).get(0).getString("key")).isEqualTo("wait:svc-b");

            // calling it clears the alert
            history.act(served, "finish", agent);
            history.call(waiting, agent, "c1");
            JsonObject cleared = awaitAlert(messages, "wait:svc-b");
            assertThat(cleared.getJsonArray("cleared").getList()).contains("wait:svc-b");
            assertThat(heardOf(cleared.getJsonArray("alerts"))).isEmpty();

            // a kiosk out of paper, a screen that stops reporting
            String kiosk = server.deviceToken("kiosk-1");
            String screen = server.deviceToken("screen-1");
            server.post("/api/v1/devices/heartbeat", screen, new JsonObject().put("kind", "screen")
                    .put("connected", true));
            server.post("/api/v1/devices/heartbeat", kiosk, new JsonObject().put("kind", "kiosk")
                    .put("state", "OUT_OF_ORDER").put("printer", new JsonObject().put("canPrint", false)
                            .put("conditions", new JsonArray(List.of("PAPER_OUT")))));
            JsonObject printer = awaitAlert(messages, "printer:kiosk-1");
            assertThat(printer.getJsonArray("alerts").stream().map(JsonObject.class::cast)
                    .filter(a -> a.getString("key").equals("printer:kiosk-1")).findFirst().orElseThrow()
                    .getJsonArray("problems").getList()).contains("PAPER_OUT", "CANNOT_PRINT");
            clock.advance(Duration.ofMinutes(3));
            awaitAlert(messages, "silent:screen-1");
        } finally {
            consumer.unregister();
        }
    }
}
