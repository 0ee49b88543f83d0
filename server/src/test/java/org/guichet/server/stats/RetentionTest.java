package org.guichet.server.stats;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.RetentionPolicy;
import org.guichet.server.service.DataRetention;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * The retention periods, applied by the retention job as an injected clock moves past each of them: the visitor's
 * link at the end of the day, notes and outcomes after 30 days, audit entries after 30 days, pseudonymisation after 90
 * days, deletion after 13 months; the statistics API answers the same figures before and after.
 */
class RetentionTest {

    private static final String DAY = "from=2026-03-10&to=2026-03-10&siteId=s1";
    private static final String NOTE = "Mme Dupont, 12 rue des Lilas: dossier RSA incomplet";
    private static final String OUTCOME = "Dossier APA déposé pour M. Martin";

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T07:00:00Z"));

    @RegisterExtension
    static final TestServer server = TestServer.perTest().withOptions(options -> options.withClock(clock)
            .withAuditRetention(java.time.Duration.ofDays(30)).withRetention(new RetentionPolicy(30, 90, 13)));

    @Test
    void each_kind_of_data_goes_after_its_period_and_the_statistics_stay_the_same() {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("services").getJsonObject(0).put("outcomes",
                new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "apa").put("name", "Dossier APA")));
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        String agent = server.agent("ret.agent", "agent", "s1");
        server.agent("ret.supervisor", "supervisor", "s1");
        History h = new History(server, clock, server.deviceToken("kiosk-1"));

        h.at("2026-03-10T07:55:00Z").counter("c1", "open", agent);
        JsonObject first = server.issue(h.kiosk(), "svc-a");
        long t1 = first.getLong("id");
        long t2 = h.at("2026-03-10T08:01:00Z").issue("svc-b");
        h.at("2026-03-10T08:02:00Z").issue("svc-a"); // left waiting when the day ends
        h.at("2026-03-10T08:05:00Z").call(t1, agent, "c1");
        h.at("2026-03-10T08:06:00Z").act(t1, "start", agent);
        clock.set(Instant.parse("2026-03-10T08:16:00Z"));
        ok(server.post("/api/v1/tickets/" + t1 + "/finish", agent, new JsonObject().put("outcome", OUTCOME)
                .put("outcomeId", "apa")));
        h.at("2026-03-10T08:20:00Z").call(t2, agent, "c1");
        h.at("2026-03-10T08:21:00Z").act(t2, "start", agent);
        clock.set(Instant.parse("2026-03-10T08:25:00Z"));
        long t2b = ok(server.post("/api/v1/tickets/" + t2 + "/transfer", agent,
                new JsonObject().put("serviceId", "svc-a").put("note", NOTE))).getLong("id");
        h.at("2026-03-10T08:30:00Z").call(t2b, agent, "c1");
        h.at("2026-03-10T08:31:00Z").act(t2b, "start", agent);
        h.at("2026-03-10T08:40:00Z").act(t2b, "finish", agent);
        h.at("2026-03-10T08:50:00Z").counter("c1", "pause", agent);
        h.at("2026-03-10T08:55:00Z").counter("c1", "resume", agent);
        h.at("2026-03-10T09:00:00Z").counter("c1", "close", agent);
        String link = "/api/v1/public/tickets/" + first.getString("statusToken");
        assertThat(ok(server.get(link, null)).getString("number")).isEqualTo(first.getString("number"));

        run();
        String supervisor = server.login("ret.supervisor", TestServer.AGENT_PASSWORD);
        Figures before = figures(supervisor);
        assertThat(before.exact().getJsonObject("totals").getInteger("served")).isEqualTo(2);
        assertThat(ticketsOfTheDay()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM audit_log")).isPositive();

        assertThat(count("SELECT count(*) FROM counter_event WHERE reason = 'déjeuner'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM counter_event WHERE acted_by IS NOT NULL")).isPositive();
        // The next morning: the visitor's link says it has expired, in the ticket's language; sessions are gone.
        clock.set(Instant.parse("2026-03-11T08:00:00Z"));
        HttpResponse<Buffer> expired = TestServer.status(server.get(link, null), 404);
        assertThat(expired.bodyAsJsonObject().getString("error")).isEqualTo("expired");
        assertThat(expired.bodyAsJsonObject().getJsonObject("current"))
                .isEqualTo(new JsonObject().put("language", "fr"));
        assertThat(expired.bodyAsString()).doesNotContain(first.getString("number"));
        assertThat(count("SELECT count(*) FROM agent_session WHERE expires_at < now()")).isPositive();
        assertThat(run().sessionsDeleted()).isPositive();
        assertThat(count("SELECT count(*) FROM agent_session")).isZero();
        // The outcome on its ticket and its FINISH event; the note on the successor and both transfer events.
        assertThat(freeText()).isEqualTo(5);

        // 31 days on: notes and outcomes erased, wherever they were copied; audit entries deleted.
        clock.set(Instant.parse("2026-04-10T09:00:00Z"));
        DataRetention.Report month = run();
        assertThat(month.notesErased()).isEqualTo(2);
        assertThat(month.pauseReasonsErased()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM counter_event WHERE reason IS NOT NULL")).isZero();
        assertThat(freeText()).isZero();
        // The outcome's code names nobody: it stays, and the statistics still count it.
        assertThat(count("SELECT count(*) FROM ticket_event WHERE data ->> 'outcomeId' = 'apa'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ticket_fact WHERE outcome_id = 'apa'")).isEqualTo(1);
        assertThat(TestServer.await(server.services().audit().deleteExpired())).isPositive();
        assertThat(count("SELECT count(*) FROM audit_log WHERE at < '2026-03-11'")).isZero();
        assertThat(count("SELECT count(*) FROM ticket WHERE status_token <> ''")).isEqualTo(4);
        // The lookups (a visitor's link, a kiosk's retried request) read ticket_key, which holds the same.
        assertThat(count("SELECT count(*) FROM ticket_key WHERE status_token <> ''")).isEqualTo(4);

        // 91 days on: nothing links a ticket to a visitor or an agent any more.
        clock.set(Instant.parse("2026-06-09T09:00:00Z"));
        assertThat(run().ticketsPseudonymised()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM ticket WHERE status_token <> '' OR agent_id IS NOT NULL"
                         + " OR idempotency_key IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM ticket_key WHERE status_token <> '' OR idempotency_key IS NOT NULL"))
                .isZero();
        assertThat(TestServer.status(server.get(link, null), 404).bodyAsJsonObject().getString("error"))
                .as("the link finds no ticket any more").isEqualTo("not_found");
        assertThat(count("SELECT count(*) FROM ticket_event WHERE agent_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM ticket_fact WHERE agent_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM counter_event WHERE agent_id IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM counter_event WHERE acted_by IS NOT NULL")).isZero();
        assertThat(count("SELECT count(*) FROM counter_event")).isEqualTo(4);
        supervisor = server.login("ret.supervisor", TestServer.AGENT_PASSWORD);
        assertThat(figures(supervisor)).isEqualTo(before);
        assertThat(ok(server.get("/api/v1/stats/outcomes?" + DAY, supervisor)).getJsonObject("total")
                .getJsonArray("outcomes").getJsonObject(0).getLong("count")).isEqualTo(1);

        // 13 months on: the day's ended tickets, their events and facts, and the counter events are gone; the
        // rollups answer alone. The ticket never ended stays, pseudonymised: the statistics count it as in progress.
        clock.set(Instant.parse("2027-04-12T09:00:00Z"));
        DataRetention.Report year = run();
        assertThat(year.ticketsDeleted()).isEqualTo(3);
        assertThat(ticketsOfTheDay()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ticket WHERE ended_at IS NULL AND status_token = ''")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ticket_key")).isEqualTo(count("SELECT count(*) FROM ticket"));
        assertThat(count("SELECT count(*) FROM ticket_event WHERE kind <> 'ISSUE'")).isZero();
        assertThat(count("SELECT count(*) FROM ticket_fact")).isZero();
        assertThat(count("SELECT count(*) FROM counter_event WHERE at < '2026-03-11'")).isZero();
        assertThat(count("SELECT count(*) FROM stats_rollup WHERE site_id = 's1' AND period_start = '2026-03-10'"))
                .isEqualTo(1);
        supervisor = server.login("ret.supervisor", TestServer.AGENT_PASSWORD);
        Figures after = figures(supervisor);
        assertThat(after.rollup()).isEqualTo(before.rollup());
        assertThat(after.rollupHours()).isEqualTo(before.rollupHours());
        assertThat(after.auto()).as("the planner answers from the rollups once the facts are gone")
                .isEqualTo(before.rollup());
        assertThat(run().changedAnything()).isFalse();
    }

    /** What the statistics API says of the day: from the rollups, from the facts, and as the planner chooses. */
    private record Figures(JsonObject rollup, JsonObject rollupHours, JsonObject exact, JsonObject auto) {
    }

    private static Figures figures(String supervisor) {
        JsonObject auto = ok(server.get("/api/v1/stats/overview?" + DAY, supervisor));
        return new Figures(ok(server.get("/api/v1/stats/overview?" + DAY + "&source=rollup", supervisor)),
                ok(server.get("/api/v1/stats/hours?" + DAY + "&source=rollup", supervisor)),
                ok(server.get("/api/v1/stats/overview?" + DAY + "&source=facts", supervisor)),
                "rollup".equals(auto.getString("source")) ? auto : null);
    }

    private static DataRetention.Report run() {
        return TestServer.await(server.services().retention().run(2));
    }

    private static long ticketsOfTheDay() {
        return count("SELECT count(*) FROM ticket WHERE service_day = '2026-03-10'");
    }

    /** Places still holding an agent's words: ticket notes and outcomes, and events' copies of them. */
    private static long freeText() {
        return count("SELECT (SELECT count(*) FROM ticket WHERE note IS NOT NULL OR outcome IS NOT NULL)"
                     + " + (SELECT count(*) FROM ticket_event WHERE data->>'note' IS NOT NULL"
                     + " OR data->>'outcome' IS NOT NULL)");
    }

    private static long count(String sql) {
        return server.sql(sql).get(0).getLong(0);
    }
}
