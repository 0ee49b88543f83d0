package org.guichet.server.stats;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Staffing advice at site s1 (Europe/Paris, UTC+1 in November), from two Tuesdays written through the API:
 * <pre>
 * Tuesday 17 and 24 November, counter c1 open 09:00–10:30 (Paris):
 *   09:05, 09:10, 09:15  three Service A visitors, each called when the previous leaves, walk 60 s + service 540 s
 *   24 Nov only, 10:10   one Service B visitor, walk 60 s + service 240 s
 * Tuesday 1 December ("today", now 10:30): c1 open from 09:00, one Service A visitor at 09:05 called at 09:10
 * </pre>
 * So on Tuesdays Service A gets 3 visitors an hour at 9 (6 over 2 Tuesdays) of 600 s each: 0.5 erlang; one counter
 * calls 1 − 0.5·e^(−0.5·1200/600) = 81.6 % within its 20 minutes, enough for 80 %.
 */
class StaffingApiTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-17T07:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withClock(clock).withSessionLifetime(Duration.ofDays(400)));
    private static String supervisor;
    private static String agent;

    @BeforeAll
    static void setUp() {
        supervisor = server.agent("staffing.supervisor", "supervisor", "s1");
        agent = server.agent("staffing.agent", "agent", "s1");
        History h = new History(server, clock, server.deviceToken("kiosk-1"));
        for (String day : new String[] {"2026-11-17", "2026-11-24"}) {
            h.at(day + "T08:00:00Z").counter("c1", "open", agent);
            long a1 = h.at(day + "T08:05:00Z").issue("svc-a");
            h.at(day + "T08:06:00Z").call(a1, agent, "c1");
            h.at(day + "T08:07:00Z").act(a1, "start", agent);
            long a2 = h.at(day + "T08:10:00Z").issue("svc-a");
            long a3 = h.at(day + "T08:15:00Z").issue("svc-a");
            h.at(day + "T08:16:00Z").act(a1, "finish", agent);
            h.call(a2, agent, "c1");
            h.at(day + "T08:17:00Z").act(a2, "start", agent);
            h.at(day + "T08:26:00Z").act(a2, "finish", agent);
            h.call(a3, agent, "c1");
            h.at(day + "T08:27:00Z").act(a3, "start", agent);
            h.at(day + "T08:36:00Z").act(a3, "finish", agent);
            if (day.endsWith("24")) {
                long b = h.at(day + "T09:10:00Z").issue("svc-b");
                h.at(day + "T09:11:00Z").call(b, agent, "c1");
                h.at(day + "T09:12:00Z").act(b, "start", agent);
                h.at(day + "T09:16:00Z").act(b, "finish", agent);
            }
            h.at(day + "T09:30:00Z").counter("c1", "close", agent);
        }
        h.at("2026-12-01T08:00:00Z").counter("c1", "open", agent);
        long today = h.at("2026-12-01T08:05:00Z").issue("svc-a");
        h.at("2026-12-01T08:10:00Z").call(today, agent, "c1");
        h.at("2026-12-01T09:30:00Z");
    }

    private static JsonObject advice(String query) {
        return ok(server.get("/api/v1/stats/staffing?siteId=s1" + query, supervisor));
    }

    private static JsonObject day(JsonObject advice, String date) {
        for (Object day : advice.getJsonArray("days")) {
            if (((JsonObject) day).getString("date").equals(date)) {
                return (JsonObject) day;
            }
        }
        throw new AssertionError("no day " + date);
    }

    private static JsonObject service(JsonObject hour, String serviceId) {
        for (Object service : hour.getJsonArray("services")) {
            if (((JsonObject) service).getString("serviceId").equals(serviceId)) {
                return (JsonObject) service;
            }
        }
        throw new AssertionError("no service " + serviceId);
    }

    @Test
    void the_coming_week_is_planned_from_the_measured_tuesdays_and_set_against_today() {
        JsonObject advice = advice("");

        assertThat(advice.getString("week")).isEqualTo("2026-12-07");
        assertThat(advice.getInteger("weeks")).isEqualTo(8);
        assertThat(advice.getInteger("targetPercent")).isEqualTo(80);
        assertThat(advice.getJsonObject("sample"))
                .isEqualTo(new JsonObject().put("from", "2026-10-06").put("to", "2026-11-30"));
        assertThat(advice.getJsonArray("days")).hasSize(7);

        JsonObject monday = day(advice, "2026-12-07");
        assertThat(monday.getInteger("sampleDays")).isZero();
        assertThat(monday.getJsonArray("hours")).as("no visitor ever came on a Monday; no hours declared").isEmpty();
        assertThat(monday.getString("measuredDay")).isEqualTo("2026-11-30");

        JsonObject tuesday = day(advice, "2026-12-08");
        assertThat(tuesday.getInteger("sampleDays")).isEqualTo(2);
        assertThat(tuesday.getString("measuredDay")).as("today, the latest Tuesday").isEqualTo("2026-12-01");
        JsonArray hours = tuesday.getJsonArray("hours");
        assertThat(hours).hasSize(2);

        JsonObject nine = hours.getJsonObject(0);
        assertThat(nine.getInteger("hour")).isEqualTo(9);
        assertThat(nine.getInteger("counters")).isEqualTo(1);
        JsonObject a = service(nine, "svc-a");
        assertThat(a.getDouble("arrivalsPerHour")).isEqualTo(3.0);
        assertThat(a.getLong("handlingSeconds")).isEqualTo(600);
        assertThat(a.getInteger("targetMinutes")).isEqualTo(20);
        assertThat(a.getInteger("counters")).isEqualTo(1);
        assertThat(a.getDouble("trafficErlangs")).isEqualTo(0.5);
        assertThat(a.getDouble("occupancy")).isEqualTo(0.5);
        assertThat(a.getDouble("probabilityOfWaiting")).isEqualTo(0.5);
        assertThat(a.getDouble("averageWaitSeconds")).isEqualTo(600.0);
        assertThat(a.getDouble("shareWithinTarget")).isCloseTo(1 - 0.5 * Math.exp(-1), within(1e-4));
        assertThat(service(nine, "svc-b").getInteger("counters")).isZero();
        assertThat(nine.getDouble("expectedShareWithinTarget")).isCloseTo(1 - 0.5 * Math.exp(-1), within(1e-4));
        // today 09:00–10:00: c1 open all the hour; its one arrival called after 5 minutes
        JsonObject measured = nine.getJsonObject("measured");
        assertThat(measured.getDouble("countersOpen")).isEqualTo(1.0);
        assertThat(measured.getLong("called")).isEqualTo(1);
        assertThat(measured.getDouble("shareWithinTarget")).isEqualTo(1.0);

        JsonObject ten = hours.getJsonObject(1);
        assertThat(ten.getInteger("hour")).isEqualTo(10);
        JsonObject b = service(ten, "svc-b");
        assertThat(b.getDouble("arrivalsPerHour")).as("one visitor over two Tuesdays").isEqualTo(0.5);
        assertThat(b.getLong("handlingSeconds")).isEqualTo(300);
        assertThat(b.getInteger("counters")).isEqualTo(1);
        // 10:00–10:30 so far, c1 open throughout: one counter on average over the part of the hour gone by
        assertThat(ten.getJsonObject("measured").getDouble("countersOpen")).isEqualTo(1.0);
        assertThat(ten.getJsonObject("measured").getLong("called")).isZero();
        assertThat(tuesday.getInteger("counterHours")).isEqualTo(2);
    }

    @Test
    void a_past_week_is_set_against_what_happened_on_its_own_days() {
        JsonObject advice = advice("&week=2026-11-26&weeks=1&targetPercent=90");

        assertThat(advice.getString("week")).isEqualTo("2026-11-23");
        assertThat(advice.getInteger("targetPercent")).isEqualTo(90);
        assertThat(advice.getJsonObject("sample"))
                .isEqualTo(new JsonObject().put("from", "2026-11-16").put("to", "2026-11-22"));
        JsonObject tuesday = day(advice, "2026-11-24");
        assertThat(tuesday.getString("measuredDay")).isEqualTo("2026-11-24");
        assertThat(tuesday.getInteger("sampleDays")).isEqualTo(1);
        JsonObject nine = tuesday.getJsonArray("hours").getJsonObject(0);
        // 3 an hour at 600 s: one counter calls 81.6 % within 20 minutes, short of 90 %; two call
        // 1 − P(wait)·e^(−1.5·1200/600), with B(2) = 1/13 and P(wait) = 2·B / (2 − 0.5·(1 − B)) = 0.1: 99.5 %
        assertThat(service(nine, "svc-a").getInteger("counters")).isEqualTo(2);
        assertThat(service(nine, "svc-a").getDouble("probabilityOfWaiting")).isEqualTo(0.1);
        assertThat(service(nine, "svc-a").getDouble("shareWithinTarget")).isCloseTo(1 - 0.1 * Math.exp(-3), within(1e-4));
        JsonObject measured = nine.getJsonObject("measured");
        assertThat(measured.getDouble("countersOpen")).isEqualTo(1.0);
        assertThat(measured.getLong("called")).isEqualTo(3);
        assertThat(measured.getLong("withinTarget")).isEqualTo(3);
        // serving 3 × 9 min, calling 3 × 1 min, of 60 minutes open
        assertThat(measured.getDouble("occupancy")).isEqualTo(0.5);
        assertThat(tuesday.getDouble("measuredCounterHours")).isEqualTo(1.0);
    }

    @Test
    void declared_hours_are_planned_whole_and_a_public_holiday_not_at_all() {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).put("openingHours",
                new JsonObject().put("tue", "08:30-12:00").put("fri", "08:30-12:00"));
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        try {
            JsonObject advice = advice("&week=2026-12-21");
            JsonObject tuesday = day(advice, "2026-12-22");
            assertThat(tuesday.getJsonArray("openings")).containsExactly("08:30-12:00");
            JsonArray hours = tuesday.getJsonArray("hours");
            assertThat(hours.stream().map(hour -> ((JsonObject) hour).getInteger("hour")))
                    .containsExactly(8, 9, 10, 11);
            assertThat(hours.getJsonObject(0).getInteger("openMinutes")).isEqualTo(30);
            assertThat(hours.stream().map(hour -> ((JsonObject) hour).getInteger("counters")))
                    .as("at least one counter while the doors are open").containsExactly(1, 1, 1, 1);
            assertThat(day(advice, "2026-12-25").getJsonArray("hours")).as("Christmas").isEmpty();
            assertThat(day(advice, "2026-12-25").getJsonArray("openings")).isEmpty();
            assertThat(day(advice, "2026-12-23").getJsonArray("hours")).as("closed on Wednesdays").isEmpty();
        } finally {
            ok(server.put("/api/v1/admin/deployment", server.adminToken(), TestServer.deployment()));
        }
    }

    @Test
    void only_supervisors_of_the_site_get_advice_and_bad_parameters_are_refused() {
        assertThat(server.get("/api/v1/stats/staffing?siteId=s1", agent).statusCode()).isEqualTo(403);
        String other = server.agent("staffing.other", "supervisor", "s2");
        assertThat(server.get("/api/v1/stats/staffing?siteId=s1", other).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/stats/staffing?siteId=s1", null).statusCode()).isEqualTo(401);
        for (String bad : new String[] {"", "?siteId=nowhere", "?siteId=s1&week=next", "?siteId=s1&weeks=0",
                "?siteId=s1&weeks=27", "?siteId=s1&targetPercent=100", "?siteId=s1&targetPercent=eighty",
                "?siteId=s1&week=2026-12-07&week=2026-12-14"}) {
            HttpResponse<Buffer> response = server.get("/api/v1/stats/staffing" + bad, supervisor);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("error")).as(bad).isNotBlank();
            assertThat(response.bodyAsJsonObject().getString("message")).as(bad).isNotBlank();
        }
    }
}
