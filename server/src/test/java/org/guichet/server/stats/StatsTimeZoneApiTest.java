package org.guichet.server.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours, weekdays and days are those of each site's own clock, across daylight-saving changes: Europe/Paris moves
 * from UTC+1 to UTC+2 at 01:00 UTC on 2026-03-29 (02:00 local does not exist) and back at 01:00 UTC on 2026-10-25
 * (02:00-03:00 local happens twice); Pacific/Noumea stays at UTC+11.
 */
class StatsTimeZoneApiTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-28T08:00:00Z"));

    /** The history spans seven months of the mutable clock: sessions must outlive it. */
    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withClock(clock).withSessionLifetime(Duration.ofDays(400)));
    private static String supervisor;

    @BeforeAll
    static void writeHistory() {
        supervisor = server.agent("tz.supervisor", "supervisor", "s1", "s2");
        String agent = server.agent("tz.agent", "agent", "s1");
        History paris = new History(server, clock, server.deviceToken("kiosk-1"));
        History noumea = new History(server, clock, server.deviceToken("kiosk-2"));

        paris.at("2026-03-28T08:00:00Z").counter("c2", "open", agent);
        long saturday = paris.at("2026-03-28T08:30:00Z").issue("svc-a");          // 09:30 CET, Saturday
        paris.at("2026-03-28T08:45:00Z").call(saturday, agent, "c2");              // waited 900 s
        paris.act(saturday, "start", agent);
        paris.at("2026-03-28T08:50:00Z").act(saturday, "finish", agent);
        noumea.at("2026-03-28T20:00:00Z").issue("svc-z");                          // 07:00 on the 29th in Nouméa
        long midnight = paris.at("2026-03-28T23:30:00Z").issue("svc-a");          // 00:30 CET on Sunday 29th
        long beforeChange = paris.at("2026-03-29T00:30:00Z").issue("svc-a");      // 01:30 CET
        long afterChange = paris.at("2026-03-29T01:30:00Z").issue("svc-a");       // 03:30 CEST
        paris.at("2026-03-29T02:00:00Z").act(midnight, "cancel", agent);
        paris.act(beforeChange, "cancel", agent);
        paris.act(afterChange, "cancel", agent);
        long sunday = paris.at("2026-03-29T08:30:00Z").issue("svc-a");            // 10:30 CEST
        paris.at("2026-03-29T08:40:00Z").call(sunday, agent, "c2");                // waited 600 s
        paris.at("2026-03-29T08:41:00Z").act(sunday, "start", agent);
        paris.at("2026-03-29T08:51:00Z").act(sunday, "finish", agent);

        paris.at("2026-10-24T22:30:00Z").issue("svc-b");                           // 00:30 CEST on the 25th
        paris.at("2026-10-25T00:30:00Z").issue("svc-b");                           // 02:30 CEST
        paris.at("2026-10-25T01:30:00Z").issue("svc-b");                           // 02:30 CET, the second time
        paris.at("2026-10-25T22:30:00Z").issue("svc-b");                           // 23:30 CET
        paris.at("2026-10-25T23:30:00Z").issue("svc-b");                           // 00:30 on the 26th
        clock.set(Instant.parse("2026-10-27T10:00:00Z"));
    }

    private static JsonObject get(String path) {
        return TestServer.ok(server.get(path, supervisor));
    }

    private static long arrivals(JsonArray slots, int index) {
        return slots.getJsonObject(index).getLong("arrivals");
    }

    @Test
    void spring_forward_hours_are_local() {
        JsonObject profile = get("/api/v1/stats/hours?siteId=s1&from=2026-03-28&to=2026-03-29");
        JsonArray hours = profile.getJsonArray("hours");
        assertThat(arrivals(hours, 0)).isEqualTo(1);
        assertThat(arrivals(hours, 1)).isEqualTo(1);
        assertThat(arrivals(hours, 2)).as("02:00-03:00 did not exist that night").isZero();
        assertThat(arrivals(hours, 3)).isEqualTo(1);
        assertThat(arrivals(hours, 9)).isEqualTo(1);
        assertThat(hours.getJsonObject(9).getDouble("averageWaitSeconds")).isEqualTo(900.0);
        assertThat(arrivals(hours, 10)).isEqualTo(1);
        assertThat(hours.getJsonObject(10).getDouble("averageWaitSeconds")).isEqualTo(600.0);
        assertThat(hours.stream().mapToLong(slot -> ((JsonObject) slot).getLong("arrivals")).sum()).isEqualTo(5);
        JsonArray weekdays = profile.getJsonArray("weekdays");
        assertThat(arrivals(weekdays, 5)).as("Saturday").isEqualTo(1);
        assertThat(arrivals(weekdays, 6)).as("Sunday").isEqualTo(4);
    }

    @Test
    void days_are_local_days() {
        JsonArray days = get("/api/v1/stats/breakdown?siteId=s1&from=2026-03-28&to=2026-03-29&by=day")
                .getJsonArray("rows");
        assertThat(days).hasSize(2);
        assertThat(days.getJsonObject(0).getString("key")).isEqualTo("2026-03-28");
        assertThat(days.getJsonObject(0).getLong("issued")).isEqualTo(1);
        assertThat(days.getJsonObject(1).getString("key")).isEqualTo("2026-03-29");
        assertThat(days.getJsonObject(1).getLong("issued")).as("23:30 UTC on the 28th is the 29th in Paris")
                .isEqualTo(4);
        assertThat(days.getJsonObject(1).getLong("cancelled")).isEqualTo(3);

        JsonArray noumea = get("/api/v1/stats/hours?siteId=s2&from=2026-03-29&to=2026-03-29").getJsonArray("hours");
        assertThat(arrivals(noumea, 7)).isEqualTo(1);
    }

    @Test
    void fall_back_hour_happens_twice() {
        JsonObject profile = get("/api/v1/stats/hours?siteId=s1&from=2026-10-25&to=2026-10-25");
        JsonArray hours = profile.getJsonArray("hours");
        assertThat(arrivals(hours, 0)).isEqualTo(1);
        assertThat(arrivals(hours, 2)).as("02:30 CEST and 02:30 CET").isEqualTo(2);
        assertThat(arrivals(hours, 23)).isEqualTo(1);
        assertThat(arrivals(profile.getJsonArray("weekdays"), 6)).isEqualTo(4);
        // the same through the rollups (all four are still waiting, so they come from the open tickets)
        TestServer.ok(server.post("/api/v1/stats/rollups/rebuild", server.adminToken(), null));
        JsonArray rollup = get("/api/v1/stats/hours?siteId=s1&from=2026-10-25&to=2026-10-25&source=rollup")
                .getJsonArray("hours");
        assertThat(rollup).isEqualTo(hours);
    }

    @Test
    void occupancy_of_the_23_hour_day() {
        JsonObject occupancy = get("/api/v1/stats/occupancy?siteId=s1&counterId=c2&from=2026-03-29&to=2026-03-29");
        JsonObject c2 = occupancy.getJsonArray("counters").getJsonObject(0);
        // open all day: 2026-03-29 in Paris lasts 23 hours
        assertThat(c2.getLong("openSeconds")).isEqualTo(23 * 3600);
        assertThat(c2.getLong("callingSeconds")).isEqualTo(60);
        assertThat(c2.getLong("servingSeconds")).isEqualTo(600);
    }
}
