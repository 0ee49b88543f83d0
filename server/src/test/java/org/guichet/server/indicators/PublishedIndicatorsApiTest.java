package org.guichet.server.indicators;

import io.vertx.core.buffer.Buffer;
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
import static org.guichet.server.testing.TestServer.ok;

/**
 * The published indicators, read without an account, are the statistics' own figures: for February 2026 at site s1
 * (four visits on Tuesday the 17th, two of them rated) they equal what the supervisors' statistics API answers for the
 * same month, and the network's equal its breakdown by site; the open data say the same.
 */
class PublishedIndicatorsApiTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-02-17T08:00:00Z"));
    private static final String FEBRUARY = "from=2026-02-01&to=2026-02-28";

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withOptions(options -> options.withClock(clock)
            .withSessionLifetime(Duration.ofDays(400)));
    private static String supervisor;

    @BeforeAll
    static void aTuesdayInFebruaryAndTwoVisitorsWaitingNow() {
        supervisor = server.agent("ind.supervisor", "supervisor", "s1", "s2");
        String agent = server.agentAtCounter("ind.agent", "s1", "c1");
        String kiosk = server.deviceToken("kiosk-1");
        // 09:00 to 09:03 Paris: four arrivals, served one after the other from 09:05: waits 5, 14, 23 and 32 minutes
        int[] scores = {5, 0, 2, 0};
        String[] services = {"svc-a", "svc-a", "svc-b", "svc-a"};
        JsonObject[] tickets = new JsonObject[4];
        for (int i = 0; i < 4; i++) {
            tickets[i] = server.issue(kiosk, services[i]);
            clock.advance(Duration.ofMinutes(1));
        }
        clock.set(Instant.parse("2026-02-17T08:05:00Z"));
        for (int i = 0; i < 4; i++) {
            long id = tickets[i].getLong("id");
            ok(server.post("/api/v1/tickets/" + id + "/call", agent, new JsonObject().put("counterId", "c1")));
            ok(server.post("/api/v1/tickets/" + id + "/start", agent, null));
            clock.advance(Duration.ofMinutes(10));
            ok(server.post("/api/v1/tickets/" + id + "/finish", agent, null));
            if (scores[i] > 0) {
                TestServer.status(server.post("/api/v1/public/tickets/" + tickets[i].getString("statusToken")
                        + "/satisfaction", null, new JsonObject().put("score", scores[i])), 201);
            }
        }
        clock.set(Instant.parse("2026-03-10T09:00:00Z"));
        server.issue(kiosk, "svc-a");
        clock.set(Instant.parse("2026-03-10T09:07:00Z"));
        server.issue(kiosk, "svc-a");
        clock.set(Instant.parse("2026-03-10T09:10:00Z"));
    }

    private static JsonObject statistics(String path) {
        return ok(server.get("/api/v1/stats/" + path, supervisor));
    }

    @Test
    void a_sites_month_is_the_statistics_month_and_its_live_waits_are_the_queues() {
        HttpResponse<Buffer> response = server.get("/api/v1/public/indicators/s1", null);
        JsonObject site = ok(response);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=60");

        JsonObject month = site.getJsonObject("month");
        assertThat(month.getString("period")).isEqualTo("2026-02");
        JsonObject totals = statistics("overview?siteId=s1&" + FEBRUARY).getJsonObject("totals");
        assertThat(month.getLong("tickets")).isEqualTo(totals.getLong("issued") + totals.getLong("transferredIn"))
                .isEqualTo(4);
        assertThat(month.getLong("served")).isEqualTo(totals.getLong("served"));
        // waits of 5, 14, 23 and 32 minutes; the third is Service B's, over its 10-minute target, the fourth over 20
        assertThat(month.getDouble("averageWaitSeconds"))
                .isEqualTo(totals.getJsonObject("wait").getDouble("averageSeconds")).isEqualTo(1110.0);
        assertThat(month.getDouble("withinTargetShare"))
                .isEqualTo(totals.getJsonObject("withinTarget").getDouble("share")).isEqualTo(0.5);
        JsonObject answers = statistics("satisfaction?siteId=s1&" + FEBRUARY).getJsonObject("totals");
        assertThat(month.getLong("answers")).isEqualTo(answers.getLong("answers")).isEqualTo(2);
        assertThat(month.getDouble("satisfiedShare")).isEqualTo(answers.getDouble("satisfiedShare")).isEqualTo(0.5);
        assertThat(month.getDouble("averageScore")).isEqualTo(answers.getDouble("averageScore")).isEqualTo(3.5);

        JsonObject serviceA = site.getJsonObject("live").getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(service -> service.getString("serviceId").equals("svc-a")).findFirst().orElseThrow();
        assertThat(serviceA.getInteger("waiting")).isEqualTo(2);
        assertThat(serviceA.getLong("longestWaitMinutes")).isEqualTo(10);
        assertThat(site.getJsonArray("busiestHours").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("weekday", 2).put("hour", 9).put("arrivalsPerDay", 4.0));
        assertThat(site.encode()).doesNotContain("ind.agent", "statusToken", "agentId");
    }

    @Test
    void the_networks_month_is_the_breakdown_by_site_and_the_open_data_say_the_same() {
        JsonObject network = ok(server.get("/api/v1/public/indicators?month=2026-02", null));
        JsonObject bySite = statistics("breakdown?siteId=s1,s2&by=site&" + FEBRUARY);
        JsonObject s1 = network.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("siteId").equals("s1")).findFirst().orElseThrow();
        JsonObject row = bySite.getJsonArray("rows").getJsonObject(0);
        assertThat(row.getString("key")).isEqualTo("s1");
        assertThat(s1.getDouble("averageWaitSeconds")).isEqualTo(row.getJsonObject("wait").getDouble("averageSeconds"))
                .isEqualTo(1110.0);
        assertThat(s1.getDouble("withinTargetShare")).isEqualTo(row.getJsonObject("withinTarget").getDouble("share"))
                .isEqualTo(0.5);
        JsonObject s2 = network.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("siteId").equals("s2")).findFirst().orElseThrow();
        assertThat(s2.getLong("tickets")).isZero();
        assertThat(network.getJsonObject("total").getLong("tickets")).isEqualTo(4);

        HttpResponse<Buffer> csv = server.get("/api/v1/public/indicators/opendata?month=2026-02", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
        String[] lines = csv.bodyAsString().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("month,site_id,site,tickets,served,average_wait_minutes,within_target_percent,"
                + "answers,satisfied_percent,average_score");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("2026-02,s1,Site Un – bâtiment A,4,4,"
                + s1.getDouble("averageWaitMinutes") + ",").endsWith(",2,50,3.5"));
        JsonObject json = ok(server.get("/api/v1/public/indicators/opendata?month=2026-02&format=json", null));
        assertThat(json.getJsonArray("sites")).isEqualTo(network.getJsonArray("sites"));

        assertThat(server.get("/api/v1/public/indicators/opendata?format=xml", null).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/public/indicators?month=2026-03", null).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/public/indicators?month=February", null).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/public/indicators/nowhere", null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_page_may_be_embedded_by_any_site() {
        HttpResponse<Buffer> page = server.get("/indicateurs/s1", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).endsWith("frame-ancestors *");
        assertThat(page.getHeader("X-Frame-Options")).isNull();
        assertThat(server.get("/ticket/x", null).getHeader("X-Frame-Options")).isEqualTo("DENY");
    }
}
