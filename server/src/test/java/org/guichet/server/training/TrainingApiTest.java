package org.guichet.server.training;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.metrics.MetricsSettings;
import org.guichet.server.metrics.NodeMetrics;
import org.guichet.server.realtime.BridgeSocket;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Training mode through the API: a site's copy made by an agent of the site, practised on like the site itself, and
 * never seen by anything that counts or shows real visitors: screens, queues, statistics, exports, published
 * indicators, metrics, the deployment. Simulated visitors arrive at the chosen rate; a supervisor follows trainees.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingApiTest {

    private static final String COPY = "formation:s1";
    private static final String METRICS_TOKEN = "metrics-token-for-training-0123456789";
    private static final MutableClock clock = MutableClock.withinTheDayInParis();
    private static Vertx vertx;
    private static TestServer server;
    private static String admin;
    private static String agent;
    private static String trainee;
    private static String supervisor;
    private static String kiosk;

    @BeforeAll
    static void start() {
        MetricsSettings metrics = MetricsSettings.withToken(METRICS_TOKEN);
        vertx = Vertx.vertx(NodeMetrics.vertxOptions(new VertxOptions(), metrics));
        server = TestServer.start(vertx, TestServer.options(TestDatabase.freshDatabase(), 0).withClock(clock)
                .withMetrics(metrics));
        admin = server.adminToken();
        agent = server.agentAtCounter("training.agent", "s1", "c1");
        trainee = server.agent("training.trainee", "agent", "s1");
        supervisor = server.agent("training.supervisor", "supervisor", "s1");
        kiosk = server.deviceToken("kiosk-1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TestServer.await(vertx.close());
    }

    private static String path(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static JsonObject prepared() {
        return ok(server.post("/api/v1/training/sites/s1", trainee, null));
    }

    @Test
    @Order(1)
    void an_agent_of_the_site_prepares_its_copy_with_the_same_services_and_counters_under_keys_of_their_own() {
        JsonObject entry = prepared();
        assertThat(entry.getJsonObject("copy").getString("id")).isEqualTo(COPY);
        assertThat(entry.getJsonObject("copy").getString("name")).isEqualTo("Site Un – bâtiment A (formation)");
        assertThat(entry.getJsonObject("copy").getJsonArray("rooms").stream()
                .map(room -> ((JsonObject) room).getString("id"))).containsExactlyInAnyOrder(COPY + ":r1", COPY + ":r1b");

        JsonObject layout = ok(server.get("/api/v1/sites/" + path(COPY), trainee));
        assertThat(layout.getBoolean("training")).isTrue();
        assertThat(layout.getJsonObject("openingHours").isEmpty()).as("always open").isTrue();
        JsonObject c3 = layout.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(counter -> counter.getString("id").equals(COPY + ":c3")).findFirst().orElseThrow();
        assertThat(c3.getString("roomId")).isEqualTo(COPY + ":r1b");
        assertThat(c3.getJsonArray("serviceIds")).containsExactly(COPY + ":svc-b", COPY + ":svc-c");
        assertThat(server.sql("SELECT parent_id FROM service WHERE id = $1", COPY + ":svc-c").get(0)
                .getString("parent_id")).isEqualTo(COPY + ":m1");

        JsonArray copies = server.get("/api/v1/sites?training=true", trainee).bodyAsJsonArray();
        assertThat(copies.stream().map(site -> ((JsonObject) site).getString("id"))).containsExactly(COPY);
        assertThat(server.get("/api/v1/sites", trainee).bodyAsJsonArray().stream()
                .map(site -> ((JsonObject) site).getString("id"))).containsExactly("s1");

        long rows = server.sql("SELECT count(*) AS n FROM service WHERE site_id = $1", COPY).get(0).getLong("n");
        prepared();
        assertThat(server.sql("SELECT count(*) AS n FROM service WHERE site_id = $1", COPY).get(0).getLong("n"))
                .as("prepared again: brought up to date, nothing doubled").isEqualTo(rows);
        assertThat(server.sql("SELECT count(*) AS n FROM audit_log WHERE action = 'training.prepare'").get(0)
                .getLong("n")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void only_agents_of_the_site_may_use_its_copy_and_a_copy_is_no_site_to_copy() {
        prepared();
        String other = server.agent("training.other", "agent", "s2");
        assertThat(server.post("/api/v1/training/sites/s1", other, null).statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/counters/" + path(COPY + ":c2") + "/open", other, null).statusCode())
                .isEqualTo(403);
        assertThat(server.post("/api/v1/training/sites/s1", kiosk, null).statusCode()).isEqualTo(403);
        assertThat(server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", COPY + ":svc-a"))
                .statusCode()).as("a real kiosk issues no training ticket").isEqualTo(403);
        assertThat(server.post("/api/v1/training/sites/" + path(COPY), trainee, null).statusCode()).isEqualTo(400);
        assertThat(server.post("/api/v1/training/sites/nowhere", trainee, null).statusCode()).isEqualTo(404);
        assertThat(server.post("/api/v1/training/rooms/r1/screen", trainee, null).statusCode())
                .as("a real room's screen is not handed out").isEqualTo(400);
        assertThat(server.get("/api/v1/training/copies/" + path(COPY) + "/follow", trainee).statusCode())
                .as("following is for supervisors").isEqualTo(403);
        assertThat(server.get("/api/v1/training/copies/s1/follow", supervisor).statusCode()).isEqualTo(400);
        assertThat(ok(server.get("/api/v1/admin/deployment", admin)).getJsonArray("sites").stream()
                .map(site -> ((JsonObject) site).getString("id"))).as("copies are not part of the deployment")
                .containsExactly("s1", "s2");
    }

    @Test
    @Order(3)
    void training_tickets_are_absent_from_every_statistic_screen_and_export() {
        prepared();
        JsonObject statsBefore = ok(server.get("/api/v1/stats/overview", admin)).getJsonObject("totals");
        JsonObject satisfactionBefore = ok(server.get("/api/v1/stats/satisfaction", admin));
        String screenToken = ok(server.post("/api/v1/training/rooms/" + path(COPY + ":r1") + "/screen", trainee,
                null)).getString("token");
        ok(server.post("/api/v1/counters/" + path(COPY + ":c1") + "/open", trainee, null));
        String trainingRoom = "guichet.room." + COPY + ":r1";
        try (BridgeSocket realScreen = BridgeSocket.connect(server.vertx(), server.port());
             BridgeSocket trainingScreen = BridgeSocket.connect(server.vertx(), server.port())) {
            realScreen.register("guichet.room.r1", server.tokenOf("screen-1"));
            realScreen.awaitRegistered("guichet.room.r1");
            trainingScreen.register(trainingRoom, screenToken);
            trainingScreen.awaitRegistered(trainingRoom);

            // The trainee practises: a visit served and rated, a no-show, a visitor left waiting.
            JsonObject served = trainingTicket();
            ok(server.post("/api/v1/counters/" + path(COPY + ":c1") + "/call-next", trainee, null));
            assertThat(trainingScreen.nextOn(trainingRoom, "call").getJsonObject("body").getJsonObject("ticket")
                    .getString("number"))
                    .isEqualTo(served.getString("number"));
            ok(server.post("/api/v1/tickets/" + served.getLong("id") + "/start", trainee, null));
            ok(server.post("/api/v1/tickets/" + served.getLong("id") + "/finish", trainee, null));
            TestServer.status(server.post("/api/v1/public/tickets/" + served.getString("statusToken")
                    + "/satisfaction", null, new JsonObject().put("score", 1)), 201);
            JsonObject absent = trainingTicket();
            ok(server.post("/api/v1/counters/" + path(COPY + ":c1") + "/call-next", trainee, null));
            trainingScreen.nextOn(trainingRoom, "call");
            ok(server.post("/api/v1/tickets/" + absent.getLong("id") + "/no-show", trainee, null));
            JsonObject left = trainingTicket();
            assertThat(server.post("/api/v1/tickets/" + left.getLong("id") + "/call", agent,
                    new JsonObject().put("counterId", "c1")).statusCode())
                    .as("a real counter cannot call a training ticket").isEqualTo(403);

            // Meanwhile, at the real site, one visitor is served.
            JsonObject real = server.issue(kiosk, "svc-a");
            ok(server.post("/api/v1/tickets/" + real.getLong("id") + "/call", agent,
                    new JsonObject().put("counterId", "c1")));
            JsonObject heard = realScreen.nextOn("guichet.room.r1", "call").getJsonObject("body");
            assertThat(heard.getJsonObject("ticket").getString("number")).isEqualTo(real.getString("number"));
            ok(server.post("/api/v1/tickets/" + real.getLong("id") + "/start", agent, null));
            ok(server.post("/api/v1/tickets/" + real.getLong("id") + "/finish", agent, null));
            assertThat(realScreen.drain().stream().filter(frame -> "rec".equals(frame.getString("type")))
                    .map(frame -> frame.getJsonObject("body").getString("type")))
                    .as("the real screen heard no training call").doesNotContain("call");
        }

        // Real queues and waiting lists.
        assertThat(waitingAt("s1")).as("the real site's queue").isZero();
        assertThat(waitingAt(COPY)).as("the copy's queue").isEqualTo(1);
        assertThat(server.get("/api/v1/counters/c2/waiting", agent).bodyAsJsonArray()).isEmpty();

        // Statistics, network-wide and for the site; the copy is refused by name.
        JsonObject statsAfter = ok(server.get("/api/v1/stats/overview", admin)).getJsonObject("totals");
        assertThat(statsAfter.getLong("issued") - statsBefore.getLong("issued")).isEqualTo(1);
        assertThat(statsAfter.getLong("served") - statsBefore.getLong("served")).isEqualTo(1);
        assertThat(statsAfter.getLong("noShow") - statsBefore.getLong("noShow")).isZero();
        assertThat(server.sql("SELECT count(*) AS n FROM ticket_fact WHERE site_id = $1", COPY).get(0).getLong("n"))
                .as("no statistics fact for a training ticket").isZero();
        assertThat(server.sql("SELECT count(*) AS n FROM ticket WHERE site_id = $1", COPY).get(0).getLong("n"))
                .isEqualTo(3);
        HttpResponse<Buffer> byCopy = server.get("/api/v1/stats/overview?siteId=" + path(COPY), admin);
        assertThat(byCopy.statusCode()).isEqualTo(400);
        assertThat(byCopy.bodyAsJsonObject().getString("error")).isEqualTo("training_copy");
        assertThat(server.get("/api/v1/stats/staffing?siteId=" + path(COPY), admin).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/stats/outcomes?siteId=" + path(COPY), admin).statusCode()).isEqualTo(400);
        JsonObject satisfactionAfter = ok(server.get("/api/v1/stats/satisfaction", admin));
        assertThat(satisfactionAfter.getJsonObject("totals").getLong("answers")
                - satisfactionBefore.getJsonObject("totals").getLong("answers"))
                .as("the training rating is not counted").isZero();
        String stats = String.join("\n", List.of("overview", "breakdown?by=site", "breakdown?by=counter",
                "breakdown?by=agent", "hours", "occupancy", "live?siteId=s1", "outcomes", "satisfaction?by=site")
                .stream().map(query -> ok(server.get("/api/v1/stats/" + query, admin)).encode()).toList());
        assertThat(stats).doesNotContain("formation");
        HttpResponse<Buffer> csv = server.get("/api/v1/stats/breakdown?by=site&format=csv", admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.bodyAsString()).contains("Site Un").doesNotContain("formation");

        // Published indicators and open data, metrics.
        assertThat(server.get("/api/v1/public/indicators/" + path(COPY), null).statusCode()).isEqualTo(404);
        assertThat(ok(server.get("/api/v1/public/indicators", null)).encode()).doesNotContain("formation");
        assertThat(server.get("/api/v1/public/indicators/opendata", null).bodyAsString()).doesNotContain("formation");
        assertThat(ok(server.get("/api/v1/public/indicators/s1", null)).encode()).doesNotContain("formation");
        HttpResponse<Buffer> metrics = server.send(HttpMethod.GET, "/metrics", null,
                Map.of("Authorization", "Bearer " + METRICS_TOKEN), null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.bodyAsString()).contains("site=\"s1\"").doesNotContain("formation");
    }

    @Test
    @Order(4)
    void a_supervisor_follows_what_each_trainee_does() {
        prepared();
        JsonObject followed = follow();
        JsonObject counter = followed.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("id").equals(COPY + ":c1")).findFirst().orElseThrow();
        assertThat(counter.getString("status")).isEqualTo("OPEN");
        assertThat(counter.getString("agentName")).isNotBlank();
        JsonObject figures = followed.getJsonArray("agents").stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("name").equals(counter.getString("agentName"))).findFirst().orElseThrow();
        assertThat(figures.getInteger("calls")).isEqualTo(2);
        assertThat(figures.getInteger("finished")).isEqualTo(1);
        assertThat(figures.getInteger("noShows")).isEqualTo(1);
        assertThat(followed.getJsonArray("agents")).as("the real agent is not followed").hasSize(1);
        List<String> kinds = followed.getJsonArray("actions").stream()
                .map(action -> ((JsonObject) action).getString("kind")).toList();
        assertThat(kinds).containsExactly("NO_SHOW", "CALL", "FINISH", "START", "CALL");
    }

    @Test
    @Order(5)
    void simulated_visitors_arrive_at_the_chosen_rate_until_the_end_and_can_be_stopped() {
        prepared();
        String simulation = "/api/v1/training/copies/" + path(COPY) + "/simulation";
        assertThat(server.put(simulation, trainee, new JsonObject().put("perHour", 60).put("minutes", 10))
                .statusCode()).as("supervisors run simulations").isEqualTo(403);
        assertThat(server.put("/api/v1/training/copies/s1/simulation", supervisor,
                new JsonObject().put("perHour", 60).put("minutes", 10)).statusCode()).isEqualTo(400);
        for (JsonObject bad : List.of(new JsonObject().put("perHour", 0).put("minutes", 10),
                new JsonObject().put("perHour", 601).put("minutes", 10),
                new JsonObject().put("perHour", 60).put("minutes", 241), new JsonObject().put("perHour", 60))) {
            assertThat(server.put(simulation, supervisor, bad).statusCode()).as(bad.encode()).isEqualTo(400);
        }
        long before = ticketsAt(COPY);
        long realBefore = ticketsAt("s1");

        JsonObject started = ok(server.put(simulation, supervisor,
                new JsonObject().put("perHour", 600).put("minutes", 30)));
        assertThat(started.getInteger("perHour")).isEqualTo(600);
        clock.advance(Duration.ofMinutes(5));
        TestServer.await(server.services().training().drawSimulations());
        JsonObject running = follow().getJsonObject("simulation");
        assertThat(running.getInteger("issued")).isEqualTo(ticketsAt(COPY) - before);
        assertThat(running.getInteger("issued")).as("about 50 in 5 minutes at 600 an hour").isBetween(20, 85);

        clock.advance(Duration.ofMinutes(40));
        TestServer.await(server.services().training().drawSimulations());
        long arrived = ticketsAt(COPY) - before;
        // 300 expected over the 30 minutes, none after: a Poisson count, within 5 standard deviations (±87).
        assertThat(arrived).isBetween(213L, 387L);
        assertThat(follow().getValue("simulation")).as("ended").isNull();
        assertThat(ticketsAt("s1")).isEqualTo(realBefore);
        assertThat(server.sql("SELECT count(DISTINCT service_id) AS n FROM ticket WHERE site_id = $1", COPY).get(0)
                .getLong("n")).as("every service of the copy is asked for").isEqualTo(3);

        ok(server.put(simulation, supervisor, new JsonObject().put("perHour", 600).put("minutes", 30)));
        TestServer.status(server.send(HttpMethod.DELETE, simulation, supervisor, null), 204);
        long stopped = ticketsAt(COPY);
        clock.advance(Duration.ofMinutes(10));
        TestServer.await(server.services().training().drawSimulations());
        assertThat(ticketsAt(COPY)).as("none after the stop").isEqualTo(stopped);
    }

    private static JsonObject follow() {
        return ok(server.get("/api/v1/training/copies/" + path(COPY) + "/follow", supervisor));
    }

    private static JsonObject trainingTicket() {
        HttpResponse<Buffer> issued = server.post("/api/v1/tickets", trainee,
                new JsonObject().put("siteId", COPY).put("serviceId", COPY + ":svc-a"));
        return TestServer.status(issued, 201).bodyAsJsonObject();
    }

    private static long waitingAt(String siteId) {
        return ok(server.get("/api/v1/sites/" + path(siteId) + "/queue", admin)).getJsonArray("services").stream()
                .map(JsonObject.class::cast).mapToLong(service -> service.getLong("waiting")).sum();
    }

    private static long ticketsAt(String siteId) {
        return server.sql("SELECT count(*) AS n FROM ticket WHERE site_id = $1", siteId).get(0).getLong("n");
    }
}
