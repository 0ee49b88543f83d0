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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Statistics of one fixed day at site s1 (Europe/Paris, UTC+1 on 2026-03-10), written through the API with a
 * mutable clock; every expected figure is computed by hand in the comments.
 *
 * <pre>
 * ticket svc origin   outcome     wait  walk  service target  Paris hour counter
 * T1     a   ISSUE    DONE         300    60    600    1200    9         c1 (agent 1)
 * T2     a   ISSUE    DONE         540    30   1200    1200    9         c2 (agent 2)
 * T3     b   ISSUE    DONE        1080    60    300     600    9         c1
 * T4     a   ISSUE    NO_SHOW     1680     -      -    1200    9         c2
 * T5     a   ISSUE    CANCELLED      -     -      -    1200    9         -
 * T6     b   ISSUE    TRANSFERRED  120    60    300     600   10         c1   (transferred while served)
 * T6'    c   TRANSFER DONE         720    20    600     900   10         c3 (agent 3) (wait from the transfer)
 * T7     a   ISSUE    (waiting)      -     -      -    1200   10         -
 * T8     b   ISSUE    DONE          60   120     60     600   10         c1   (recalled once)
 * T9     a   ISSUE    DONE          60    60    600    1200   10         c2   (requeued, called again)
 * </pre>
 */
class StatsApiTest {

    private static final String DAY = "from=2026-03-10&to=2026-03-10&siteId=s1";

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T07:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withClock(clock);
    private static String supervisor;
    private static long agent1;

    @BeforeAll
    static void setUp() {
        supervisor = server.agent("stats.supervisor", "supervisor", "s1");
        String a1 = server.agent("stats.agent1", "agent", "s1");
        String a2 = server.agent("stats.agent2", "agent", "s1");
        String a3 = server.agent("stats.agent3", "agent", "s1");
        agent1 = server.get("/api/v1/auth/me", a1).bodyAsJsonObject().getLong("id");
        History h = new History(server, clock, server.deviceToken("kiosk-1"));

        h.at("2026-03-10T07:55:00Z").counter("c1", "open", a1);
        h.counter("c2", "open", a2);
        long t1 = h.at("2026-03-10T08:00:00Z").issue("svc-a");
        long t2 = h.at("2026-03-10T08:01:00Z").issue("svc-a");
        long t3 = h.at("2026-03-10T08:02:00Z").issue("svc-b");
        long t4 = h.at("2026-03-10T08:03:00Z").issue("svc-a");
        long t5 = h.at("2026-03-10T08:04:00Z").issue("svc-a");
        h.at("2026-03-10T08:05:00Z").call(t1, a1, "c1");
        h.at("2026-03-10T08:06:00Z").act(t1, "start", a1);
        h.at("2026-03-10T08:10:00Z").call(t2, a2, "c2");
        h.at("2026-03-10T08:10:30Z").act(t2, "start", a2);
        h.at("2026-03-10T08:12:00Z").act(t5, "cancel", a1);
        h.at("2026-03-10T08:16:00Z").act(t1, "finish", a1);
        h.at("2026-03-10T08:20:00Z").call(t3, a1, "c1");
        h.at("2026-03-10T08:21:00Z").act(t3, "start", a1);
        h.at("2026-03-10T08:26:00Z").act(t3, "finish", a1);
        h.at("2026-03-10T08:30:30Z").act(t2, "finish", a2);
        h.at("2026-03-10T08:31:00Z").call(t4, a2, "c2");
        h.at("2026-03-10T08:33:00Z").act(t4, "no-show", a2);
        h.at("2026-03-10T08:40:00Z").counter("c1", "pause", a1);
        h.at("2026-03-10T08:50:00Z").counter("c1", "resume", a1);
        h.at("2026-03-10T09:00:00Z").counter("c3", "open", a3);
        long t6 = h.issue("svc-b");
        h.at("2026-03-10T09:02:00Z").call(t6, a1, "c1");
        h.at("2026-03-10T09:03:00Z").act(t6, "start", a1);
        long t6b = h.at("2026-03-10T09:08:00Z").transfer(t6, a1, "svc-c");
        h.at("2026-03-10T09:10:00Z").issue("svc-a");
        long t8 = h.at("2026-03-10T09:15:00Z").issue("svc-b");
        h.at("2026-03-10T09:16:00Z").call(t8, a1, "c1");
        h.at("2026-03-10T09:17:00Z").act(t8, "recall", a1);
        h.at("2026-03-10T09:18:00Z").act(t8, "start", a1);
        h.at("2026-03-10T09:19:00Z").act(t8, "finish", a1);
        h.at("2026-03-10T09:20:00Z").call(t6b, a3, "c3");
        long t9 = h.issue("svc-a");
        h.at("2026-03-10T09:20:20Z").act(t6b, "start", a3);
        h.at("2026-03-10T09:21:00Z").call(t9, a2, "c2");
        h.at("2026-03-10T09:22:00Z").act(t9, "requeue", a2);
        h.at("2026-03-10T09:25:00Z").call(t9, a2, "c2");
        h.at("2026-03-10T09:26:00Z").act(t9, "start", a2);
        h.at("2026-03-10T09:30:20Z").act(t6b, "finish", a3);
        h.at("2026-03-10T09:36:00Z").act(t9, "finish", a2);
        h.at("2026-03-10T10:00:00Z").counter("c1", "close", a1);
        h.counter("c2", "close", a2);
        h.counter("c3", "close", a3);
    }

    private static JsonObject get(String path) {
        return TestServer.ok(server.get(path, supervisor));
    }

    private static Map<String, JsonObject> rowsByKey(JsonObject breakdown) {
        Map<String, JsonObject> rows = new HashMap<>();
        breakdown.getJsonArray("rows").forEach(row -> rows.put(((JsonObject) row).getString("key"), (JsonObject) row));
        return rows;
    }

    @Test
    void totals_of_the_day_match_the_hand_computed_figures() {
        JsonObject overview = get("/api/v1/stats/overview?" + DAY);
        assertThat(overview.getString("source")).isEqualTo("facts");
        JsonObject totals = overview.getJsonObject("totals");
        assertThat(totals.getLong("issued")).isEqualTo(9);
        assertThat(totals.getLong("transferredIn")).isEqualTo(1);
        assertThat(totals.getLong("served")).isEqualTo(6);
        assertThat(totals.getLong("noShow")).isEqualTo(1);
        assertThat(totals.getLong("cancelled")).isEqualTo(1);
        assertThat(totals.getLong("transferred")).isEqualTo(1);
        assertThat(totals.getLong("inProgress")).isEqualTo(1);

        // waits 60 60 120 300 540 720 1080 1680: sum 4560 / 8 = 570; median between ranks 3 and 4: (300+540)/2 = 420;
        // p90 at rank 0.9*7 = 6.3: 1080 + 0.3 * (1680 - 1080) = 1260
        JsonObject wait = totals.getJsonObject("wait");
        assertThat(wait.getLong("count")).isEqualTo(8);
        assertThat(wait.getDouble("averageSeconds")).isEqualTo(570.0);
        assertThat(wait.getDouble("medianSeconds")).isEqualTo(420.0);
        assertThat(wait.getDouble("p90Seconds")).isEqualTo(1260.0);
        assertThat(wait.getInteger("maxSeconds")).isEqualTo(1680);
        // walks 20 30 60 60 60 60 120: 410 / 7 = 58.57; median 60; p90 at 5.4: 60 + 0.4 * 60 = 84
        JsonObject walk = totals.getJsonObject("walk");
        assertThat(walk.getLong("count")).isEqualTo(7);
        assertThat(walk.getDouble("averageSeconds")).isEqualTo(58.6);
        assertThat(walk.getDouble("medianSeconds")).isEqualTo(60.0);
        assertThat(walk.getDouble("p90Seconds")).isEqualTo(84.0);
        // services 60 300 300 600 600 600 1200 (T6 was served 300 s before its transfer): 3660 / 7 = 522.86;
        // median 600; p90 at 5.4: 600 + 0.4 * 600 = 840
        JsonObject service = totals.getJsonObject("service");
        assertThat(service.getLong("count")).isEqualTo(7);
        assertThat(service.getDouble("averageSeconds")).isEqualTo(522.9);
        assertThat(service.getDouble("medianSeconds")).isEqualTo(600.0);
        assertThat(service.getDouble("p90Seconds")).isEqualTo(840.0);
        // within each service's target: all but T3 (1080 > 600) and T4 (1680 > 1200): 6 / 8
        assertThat(totals.getJsonObject("withinTarget").getLong("count")).isEqualTo(6);
        assertThat(totals.getJsonObject("withinTarget").getDouble("share")).isEqualTo(0.75);
        // 20 minutes or less (default threshold): all but T4: 7 / 8
        assertThat(totals.getJsonObject("withinThreshold").getInteger("minutes")).isEqualTo(20);
        assertThat(totals.getJsonObject("withinThreshold").getDouble("share")).isEqualTo(0.875);
        // 10 minutes or less: 60 60 120 300 540: 5 / 8
        JsonObject tenMinutes = get("/api/v1/stats/overview?" + DAY + "&thresholdMinutes=10").getJsonObject("totals");
        assertThat(tenMinutes.getJsonObject("withinThreshold").getDouble("share")).isEqualTo(0.625);
    }

    @Test
    void by_service_counter_and_agent() {
        Map<String, JsonObject> services = rowsByKey(get("/api/v1/stats/breakdown?" + DAY + "&by=service"));
        assertThat(services).containsOnlyKeys("svc-a", "svc-b", "svc-c");
        JsonObject a = services.get("svc-a");
        assertThat(a.getString("label")).isEqualTo("Service A");
        assertThat(a.getLong("issued")).isEqualTo(6);
        assertThat(a.getLong("served")).isEqualTo(3);
        assertThat(a.getLong("inProgress")).isEqualTo(1);
        // waits 60 300 540 1680: average 645; median 300 + 0.5 * 240 = 420; p90 at 2.7: 540 + 0.7 * 1140 = 1338
        assertThat(a.getJsonObject("wait").getDouble("averageSeconds")).isEqualTo(645.0);
        assertThat(a.getJsonObject("wait").getDouble("medianSeconds")).isEqualTo(420.0);
        assertThat(a.getJsonObject("wait").getDouble("p90Seconds")).isEqualTo(1338.0);
        assertThat(a.getJsonObject("withinTarget").getDouble("share")).isEqualTo(0.75);
        // svc-b: waits 60 120 1080 against 600 s: 2 of 3; p90 at 1.8: 120 + 0.8 * 960 = 888
        JsonObject b = services.get("svc-b");
        assertThat(b.getLong("transferred")).isEqualTo(1);
        assertThat(b.getJsonObject("wait").getDouble("p90Seconds")).isEqualTo(888.0);
        assertThat(b.getJsonObject("withinTarget").getDouble("share")).isEqualTo(0.6667);
        // svc-c only has the transferred visitor, who waited 720 s from the transfer
        JsonObject c = services.get("svc-c");
        assertThat(c.getLong("issued")).isZero();
        assertThat(c.getLong("transferredIn")).isEqualTo(1);
        assertThat(c.getJsonObject("wait").getDouble("averageSeconds")).isEqualTo(720.0);

        Map<String, JsonObject> counters = rowsByKey(get("/api/v1/stats/breakdown?" + DAY + "&by=counter"));
        // T5 (cancelled) and T7 (waiting) were never called: no counter
        assertThat(counters).containsOnlyKeys("c1", "c2", "c3", null);
        assertThat(counters.get("c1").getString("label")).isEqualTo("Guichet 1");
        // c1: T1 T3 T6 T8, waits 300 1080 120 60: average 390
        assertThat(counters.get("c1").getJsonObject("wait").getDouble("averageSeconds")).isEqualTo(390.0);
        assertThat(counters.get("c2").getLong("served")).isEqualTo(2);
        assertThat(counters.get("c2").getLong("noShow")).isEqualTo(1);

        Map<String, JsonObject> agents = rowsByKey(get("/api/v1/stats/breakdown?" + DAY + "&by=agent"));
        JsonObject first = agents.get(String.valueOf(agent1));
        assertThat(first.getString("label")).isEqualTo("stats.agent1");
        // agent 1 served T1 T3 T8 and started T6: services 600 300 60 300, median (300 + 300) / 2
        assertThat(first.getJsonObject("service").getLong("count")).isEqualTo(4);
        assertThat(first.getJsonObject("service").getDouble("medianSeconds")).isEqualTo(300.0);

        JsonObject onlyAgent1 = get("/api/v1/stats/overview?" + DAY + "&agentId=" + agent1).getJsonObject("totals");
        assertThat(onlyAgent1.getLong("served")).isEqualTo(3);
        JsonObject onlyRoom = get("/api/v1/stats/overview?" + DAY + "&roomId=r1b").getJsonObject("totals");
        assertThat(onlyRoom.getLong("transferredIn")).isEqualTo(1);
        assertThat(onlyRoom.getLong("issued")).isZero();
    }

    @Test
    void arrivals_and_waits_by_local_hour_and_weekday() {
        JsonObject hours = get("/api/v1/stats/hours?" + DAY);
        JsonArray byHour = hours.getJsonArray("hours");
        assertThat(byHour).hasSize(24);
        // 08:00-08:04 UTC are 09:00-09:04 in Paris: 5 arrivals, 4 called, waits 300 540 1080 1680 = 3600 / 4 = 900
        assertThat(byHour.getJsonObject(9).getLong("arrivals")).isEqualTo(5);
        assertThat(byHour.getJsonObject(9).getLong("called")).isEqualTo(4);
        assertThat(byHour.getJsonObject(9).getDouble("averageWaitSeconds")).isEqualTo(900.0);
        // 10:xx Paris: T6 T7 T8 T9 arrive (T6' joined at 10:08 but is no arrival); waits 120 720 60 60 = 960 / 4
        assertThat(byHour.getJsonObject(10).getLong("arrivals")).isEqualTo(4);
        assertThat(byHour.getJsonObject(10).getDouble("averageWaitSeconds")).isEqualTo(240.0);
        assertThat(byHour.getJsonObject(8).getLong("arrivals")).isZero();
        // 2026-03-10 is a Tuesday (ISO 2)
        JsonObject tuesday = hours.getJsonArray("weekdays").getJsonObject(1);
        assertThat(tuesday.getInteger("weekday")).isEqualTo(2);
        assertThat(tuesday.getLong("arrivals")).isEqualTo(9);
        assertThat(tuesday.getDouble("averageWaitSeconds")).isEqualTo(570.0);
    }

    @Test
    void occupancy_counts_pauses_calls_and_services() {
        JsonObject occupancy = get("/api/v1/stats/occupancy?" + DAY);
        Map<String, JsonObject> counters = new HashMap<>();
        occupancy.getJsonArray("counters").forEach(row -> counters.put(((JsonObject) row).getString("key"),
                (JsonObject) row));
        // c1: open 07:55-10:00 = 7500 s, paused 600; calling 60+60+60+120 (recall does not end a call) = 300;
        // serving 600+300+300+60 = 1260; idle 7500-600-300-1260 = 5340; occupancy 1560 / 6900
        JsonObject c1 = counters.get("c1");
        assertThat(c1.getLong("openSeconds")).isEqualTo(7500);
        assertThat(c1.getLong("pausedSeconds")).isEqualTo(600);
        assertThat(c1.getLong("callingSeconds")).isEqualTo(300);
        assertThat(c1.getLong("servingSeconds")).isEqualTo(1260);
        assertThat(c1.getLong("idleSeconds")).isEqualTo(5340);
        assertThat(c1.getDouble("occupancy")).isCloseTo(1560.0 / 6900, within(0.0001));
        assertThat(c1.getLong("calls")).isEqualTo(4);
        // c2: calling 30 + 120 (no-show) + 60 (requeued) + 60 = 270; serving 1200 + 600; 4 calls
        JsonObject c2 = counters.get("c2");
        assertThat(c2.getLong("callingSeconds")).isEqualTo(270);
        assertThat(c2.getLong("servingSeconds")).isEqualTo(1800);
        assertThat(c2.getLong("calls")).isEqualTo(4);
        // c3: open 09:00-10:00, calling 20, serving 600
        JsonObject c3 = counters.get("c3");
        assertThat(c3.getLong("openSeconds")).isEqualTo(3600);
        assertThat(c3.getDouble("occupancy")).isCloseTo(620.0 / 3600, within(0.0001));
    }

    @Test
    void rollups_give_the_same_counts_and_estimate_percentiles_from_histograms() {
        TestServer.ok(server.post("/api/v1/stats/rollups/rebuild", server.adminToken(), null));
        JsonObject rollup = get("/api/v1/stats/overview?" + DAY + "&source=rollup");
        assertThat(rollup.getString("source")).isEqualTo("rollup");
        assertThat(rollup.getBoolean("exactPercentiles")).isFalse();
        JsonObject exact = get("/api/v1/stats/overview?" + DAY + "&source=facts").getJsonObject("totals");
        JsonObject totals = rollup.getJsonObject("totals");
        for (String field : new String[]{"issued", "transferredIn", "served", "noShow", "cancelled", "transferred",
                "inProgress"}) {
            assertThat(totals.getLong(field)).as(field).isEqualTo(exact.getLong(field));
        }
        for (String duration : new String[]{"wait", "walk", "service"}) {
            assertThat(totals.getJsonObject(duration).getDouble("averageSeconds")).as(duration)
                    .isEqualTo(exact.getJsonObject(duration).getDouble("averageSeconds"));
            assertThat(totals.getJsonObject(duration).getInteger("maxSeconds")).as(duration)
                    .isEqualTo(exact.getJsonObject(duration).getInteger("maxSeconds"));
        }
        assertThat(totals.getJsonObject("withinTarget")).isEqualTo(exact.getJsonObject("withinTarget"));
        assertThat(totals.getJsonObject("withinThreshold")).isEqualTo(exact.getJsonObject("withinThreshold"));
        // waits in one-minute buckets: 60 60 | 120 | 300 | 540 | 720 | 1080 | 1680, each value at the middle of its
        // minute: rank 3 = 270, rank 4 = 510, median 390; rank 6 = 1050, rank 7 = 1650, p90 = 1050 + 0.3 * 600
        assertThat(totals.getJsonObject("wait").getDouble("medianSeconds")).isEqualTo(390.0);
        assertThat(totals.getJsonObject("wait").getDouble("p90Seconds")).isEqualTo(1230.0);

        JsonObject rollupHours = get("/api/v1/stats/hours?" + DAY + "&source=rollup");
        JsonObject factHours = get("/api/v1/stats/hours?" + DAY + "&source=facts");
        assertThat(rollupHours.getJsonArray("hours")).isEqualTo(factHours.getJsonArray("hours"));
        assertThat(rollupHours.getJsonArray("weekdays")).isEqualTo(factHours.getJsonArray("weekdays"));

        JsonObject byMonth = get("/api/v1/stats/breakdown?from=2026-03-01&to=2026-03-31&siteId=s1&by=month"
                + "&source=rollup");
        assertThat(byMonth.getJsonArray("rows")).hasSize(1);
        assertThat(byMonth.getJsonArray("rows").getJsonObject(0).getString("key")).isEqualTo("2026-03");
        assertThat(byMonth.getJsonArray("rows").getJsonObject(0).getLong("issued")).isEqualTo(9);
    }

    @Test
    void the_periodic_job_leaves_a_day_still_receiving_facts_for_the_moment_it_goes_quiet() {
        server.sql("INSERT INTO stats_dirty_log (site_id, local_day, marked_at) VALUES ('s1', '2020-01-06', now()),"
                + " ('s1', '2020-01-07', now() - interval '6 minutes')");

        TestServer.await(server.services().stats().rebuildDirtyRollups());

        assertThat(daysMarkedIn2020()).as("only the day marked in the last minutes is left")
                .containsExactly("2020-01-06");
        TestServer.ok(server.post("/api/v1/stats/rollups/rebuild", server.adminToken(), null));
        assertThat(daysMarkedIn2020()).as("rebuilt on demand however recent").isEmpty();
    }

    private static List<String> daysMarkedIn2020() {
        return server.sql("SELECT DISTINCT local_day::text AS day FROM stats_dirty_log"
                        + " WHERE local_day BETWEEN '2020-01-01' AND '2020-12-31' ORDER BY 1")
                .stream().map(row -> row.getString("day")).toList();
    }

    @Test
    void csv_for_french_and_english_spreadsheets() {
        HttpResponse<Buffer> french = server.get("/api/v1/stats/breakdown?" + DAY + "&by=service&format=csv",
                supervisor);
        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.getHeader("Content-Type")).startsWith("text/csv");
        assertThat(french.getHeader("Content-Disposition")).contains("attachment");
        byte[] bytes = french.body().getBytes();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF});
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("Clé;Libellé;Tickets émis;");
        assertThat(lines[0]).contains("Attente moyenne (min)");
        // svc-a: average wait 645 s = 10.75 min, median 420 s = 7 min, 75 % within target
        assertThat(lines[1]).startsWith("svc-a;Service A;6;0;3;1;1;0;1;4;10,75;7;22,3;28;75;");

        HttpResponse<Buffer> english = server.get("/api/v1/stats/breakdown?" + DAY
                + "&by=service&format=csv&lang=en", supervisor);
        String[] englishLines = english.bodyAsString(StandardCharsets.UTF_8.name()).substring(1).split("\r\n");
        assertThat(englishLines[0]).startsWith("Key,Label,Tickets issued,");
        assertThat(englishLines[1]).startsWith("svc-a,Service A,6,0,3,1,1,0,1,4,10.75,7,22.3,28,75,");

        HttpResponse<Buffer> semicolonPoint = server.get("/api/v1/stats/breakdown?" + DAY
                + "&by=service&format=csv&sep=semicolon&decimal=point", supervisor);
        assertThat(semicolonPoint.bodyAsString()).contains("svc-a;Service A;6;0;3;1;1;0;1;4;10.75;");

        HttpResponse<Buffer> occupancy = server.get("/api/v1/stats/occupancy?" + DAY + "&format=csv", supervisor);
        assertThat(occupancy.bodyAsString()).contains("Guichet 1;s1;2,08;0,17;");
    }
}
