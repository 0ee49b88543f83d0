package org.guichet.server.satisfaction;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.domain.SatisfactionSettings;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Visitors rate a served visit once: by a tap on the counter-top screen of the counter where it ended, within
 * 10 minutes, or on their ticket's page while its link lives, with a comment; supervisors read the figures, never per
 * agent unless the council switched it on; comments go after 30 days, scores stay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SatisfactionApiTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withOptions(options -> options.withClock(clock)
            .withSessionLifetime(Duration.ofDays(400)).withRetention(new RetentionPolicy(30, 90, 13))
            .withSatisfaction(SatisfactionSettings.defaults()));
    private static String agent;
    private static String supervisor;
    private static String kiosk;
    private static String screen;

    @BeforeAll
    static void setUp() {
        agent = server.agentAtCounter("sat.agent", "s1", "c1");
        supervisor = server.agent("sat.supervisor", "supervisor", "s1");
        kiosk = server.deviceToken("kiosk-1");
        screen = server.deviceToken("cscreen-1");
    }

    /** A ticket issued, called at c1, served for five minutes and finished; answers {id, statusToken}. */
    private static JsonObject served(String serviceId) {
        JsonObject ticket = server.issue(kiosk, serviceId);
        long id = ticket.getLong("id");
        ok(server.post("/api/v1/tickets/" + id + "/call", agent, new JsonObject().put("counterId", "c1")));
        ok(server.post("/api/v1/tickets/" + id + "/start", agent, null));
        clock.advance(Duration.ofMinutes(5));
        ok(server.post("/api/v1/tickets/" + id + "/finish", agent, null));
        return ticket;
    }

    private static HttpResponse<Buffer> fromScreen(String token, long ticketId, Object score) {
        return server.post("/api/v1/satisfaction", token, new JsonObject().put("ticketId", ticketId).put("score", score));
    }

    private static HttpResponse<Buffer> fromPage(JsonObject ticket, JsonObject body) {
        return server.post("/api/v1/public/tickets/" + ticket.getString("statusToken") + "/satisfaction", null, body);
    }

    private static String error(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("message")).isNotBlank();
        return response.bodyAsJsonObject().getString("error");
    }

    @Test
    @Order(1)
    void the_counter_top_screen_rates_the_visit_that_just_ended_at_its_counter_once() {
        JsonObject ticket = served("svc-a");
        long id = ticket.getLong("id");
        assertThat(ok(server.get("/api/v1/public/tickets/" + ticket.getString("statusToken"), null))
                .getBoolean("rated")).isFalse();

        assertThat(fromScreen(screen, id, 5).statusCode()).isEqualTo(201);
        assertThat(error(fromScreen(screen, id, 1), 409)).isEqualTo("already_rated");
        assertThat(error(fromPage(ticket, new JsonObject().put("score", 1)), 409)).isEqualTo("already_rated");
        assertThat(ok(server.get("/api/v1/public/tickets/" + ticket.getString("statusToken"), null))
                .getBoolean("rated")).isTrue();
        io.vertx.sqlclient.Row stored = server.sql(
                "SELECT score, channel, counter_id, comment FROM satisfaction WHERE ticket_id = $1", id).get(0);
        assertThat(stored.getInteger("score")).isEqualTo(5);
        assertThat(stored.getString("channel")).isEqualTo("counter_screen");
        assertThat(stored.getString("counter_id")).isEqualTo("c1");
        assertThat(stored.getString("comment")).isNull();
    }

    @Test
    @Order(2)
    void only_that_counters_screen_only_a_served_visit_and_only_within_ten_minutes() {
        JsonObject ticket = served("svc-b");
        long id = ticket.getLong("id");
        assertThat(fromScreen(kiosk, id, 4).statusCode()).isEqualTo(403);
        assertThat(fromScreen(null, id, 4).statusCode()).isEqualTo(401);
        assertThat(fromScreen(agent, id, 4).statusCode()).isEqualTo(403);
        for (Object bad : new Object[] {0, 6, "five", 4.5, 4_294_967_301L}) {
            assertThat(fromScreen(screen, id, bad).statusCode()).as(String.valueOf(bad)).isEqualTo(400);
        }
        clock.advance(Duration.ofMinutes(11));
        assertThat(error(fromScreen(screen, id, 4), 409)).isEqualTo("too_late");

        JsonObject waiting = server.issue(kiosk, "svc-a");
        assertThat(error(fromPage(waiting, new JsonObject().put("score", 3)), 409)).isEqualTo("not_served");
        long absent = server.issue(kiosk, "svc-a").getLong("id");
        ok(server.post("/api/v1/tickets/" + absent + "/call", agent, new JsonObject().put("counterId", "c1")));
        ok(server.post("/api/v1/tickets/" + absent + "/no-show", agent, null));
        assertThat(error(fromScreen(screen, absent, 3), 409)).isEqualTo("not_served");
        ok(server.post("/api/v1/tickets/" + waiting.getLong("id") + "/cancel", agent, null));

        assertThat(error(fromPage(ticket, new JsonObject().put("score", 4).put("comment", "x".repeat(501))), 400))
                .isNotBlank();
        assertThat(server.post("/api/v1/public/tickets/not-a-token/satisfaction", null,
                new JsonObject().put("score", 4)).statusCode()).isEqualTo(404);
        assertThat(fromPage(ticket, new JsonObject().put("score", 2).put("comment", "  Trop d'attente au téléphone  "))
                .statusCode()).isEqualTo(201);
        assertThat(server.sql("SELECT comment FROM satisfaction WHERE ticket_id = $1", id).get(0).getString("comment"))
                .isEqualTo("Trop d'attente au téléphone");
        assertThat(server.sql("SELECT count(*) AS n FROM satisfaction").get(0).getLong("n")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void supervisors_read_the_figures_and_never_per_agent_unless_switched_on() {
        JsonObject third = served("svc-a");
        assertThat(fromPage(third, new JsonObject().put("score", 4)).statusCode()).isEqualTo(201);
        // Answers 5 (svc-a), 2 (svc-b, with its comment), 4 (svc-a); three visitors served.
        JsonObject report = ok(server.get("/api/v1/stats/satisfaction?siteId=s1&from=2026-03-10&to=2026-03-10"
                + "&by=service", supervisor));
        JsonObject totals = report.getJsonObject("totals");
        assertThat(totals.getLong("answers")).isEqualTo(3);
        assertThat(totals.getLong("served")).isEqualTo(3);
        assertThat(totals.getDouble("responseRate")).isEqualTo(1.0);
        assertThat(totals.getDouble("averageScore")).isEqualTo(3.67);
        assertThat(totals.getDouble("satisfiedShare")).isEqualTo(0.6667);
        assertThat(totals.getJsonArray("distribution")).isEqualTo(new JsonArray().add(0).add(1).add(0).add(1).add(1));
        JsonArray rows = report.getJsonArray("rows");
        assertThat(rows.getJsonObject(0).getString("key")).isEqualTo("svc-a");
        assertThat(rows.getJsonObject(0).getString("label")).isEqualTo("Service A");
        assertThat(rows.getJsonObject(0).getDouble("averageScore")).isEqualTo(4.5);
        assertThat(rows.getJsonObject(1).getDouble("satisfiedShare")).isEqualTo(0.0);
        JsonObject comment = report.getJsonArray("comments").getJsonObject(0);
        assertThat(comment.getString("comment")).isEqualTo("Trop d'attente au téléphone");
        assertThat(comment.getInteger("score")).isEqualTo(2);
        assertThat(comment.getString("service")).isEqualTo("Service B");
        assertThat(report.getBoolean("byAgentAllowed")).isFalse();
        assertThat(report.encode()).doesNotContain("sat.agent");

        assertThat(error(server.get("/api/v1/stats/satisfaction?siteId=s1&by=agent", supervisor), 403))
                .isEqualTo("satisfaction_by_agent_off");
        assertThat(server.get("/api/v1/stats/satisfaction?siteId=s1", agent).statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/stats/satisfaction?siteId=s1&by=day", supervisor).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/stats/satisfaction?siteId=s1&agentId=1", supervisor).statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void the_next_day_the_link_no_longer_rates_and_after_thirty_days_comments_go_but_scores_stay() {
        JsonObject ticket = served("svc-a");
        clock.set(Instant.parse("2026-03-11T08:00:00Z"));
        assertThat(error(fromPage(ticket, new JsonObject().put("score", 5)), 404)).isEqualTo("expired");

        clock.set(Instant.parse("2026-04-12T08:00:00Z"));
        assertThat(TestServer.await(server.services().retention().run(10)).commentsErased()).isEqualTo(1);
        assertThat(server.sql("SELECT count(*) AS n FROM satisfaction WHERE comment IS NOT NULL").get(0).getLong("n"))
                .isZero();
        JsonObject totals = ok(server.get("/api/v1/stats/satisfaction?siteId=s1&from=2026-03-10&to=2026-03-10",
                server.login("sat.supervisor", TestServer.AGENT_PASSWORD))).getJsonObject("totals");
        assertThat(totals.getLong("answers")).isEqualTo(3);
    }
}
