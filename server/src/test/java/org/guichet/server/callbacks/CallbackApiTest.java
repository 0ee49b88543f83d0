package org.guichet.server.callbacks;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.LogCapture;
import org.guichet.server.domain.CallbackSettings;
import org.guichet.server.service.ContactCipher;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Phone call-backs: phone reception asks, the agents of the service call back from their counter; the caller's number
 * is sealed in the database, shown to the agent calling back alone, erased when the request is over or after
 * callbacks.keepDays, and found in no log, event or export.
 */
class CallbackApiTest {

    private static final Path KEY = Path.of("target/callback-tests/contact.key");
    private static final String NUMBER = "06 12 34 56 78";
    /** Every way the number could leak, as typed, stored or dialled. */
    private static final List<String> NUMBER_FORMS = List.of("0612345678", "06 12 34 56 78", "612345678",
            "33612345678", "12 34 56 78", "12345678");
    private static final MutableClock clock = MutableClock.withinTheDayInParis();

    @RegisterExtension
    final TestServer server = TestServer.perTest().withClock(clock)
            .withOptions(options -> options.withContactKeyFile(KEY)
                    .withCallbacks(new CallbackSettings(7, Duration.ofMinutes(30), 3)));

    private String phoneAgent;
    private String agent;

    @BeforeEach
    void agents() {
        clock.set(MutableClock.nowWithinTheDayInParis());
        phoneAgent = server.agent("phone.reception", "agent", "s1");
        agent = server.agentAtCounter("business.agent", "s1", "c1");
    }

    private int asked;

    /** The first caller of a test has {@link #NUMBER}; the next ones their own numbers. */
    private JsonObject ask(String serviceId, String subject) {
        String phone = asked++ == 0 ? NUMBER : "07 11 22 33 %02d".formatted(asked);
        return TestServer.status(server.post("/api/v1/sites/s1/callbacks", phoneAgent, new JsonObject()
                .put("serviceId", serviceId).put("phone", phone).put("subject", subject)), 201).bodyAsJsonObject();
    }

    private HttpResponse<Buffer> take(String token, String counterId) {
        return server.post("/api/v1/counters/" + counterId + "/callbacks/take", token, null);
    }

    private JsonObject outcome(long id, String outcome) {
        return ok(server.post("/api/v1/callbacks/" + id + "/outcome", agent, new JsonObject().put("outcome", outcome)));
    }

    private Row stored(long id) {
        return server.sql("SELECT status, attempts, phone_cipher, subject FROM callback_request WHERE id = $1", id)
                .get(0);
    }

    @Test
    void phone_reception_asks_and_the_service_calls_back_until_answered() throws Exception {
        JsonObject asked = ask("svc-a", "Dossier APA de sa mère");
        long id = asked.getLong("id");
        assertThat(asked.getString("status")).isEqualTo("WAITING");
        assertThat(asked.containsKey("phone")).isFalse();

        byte[] sealed = stored(id).getBuffer("phone_cipher").getBytes();
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        NUMBER_FORMS.forEach(form -> assertThat(raw).as("the raw column").doesNotContain(form));
        assertThat(ContactCipher.fromKeyFile(KEY).open(sealed, "callback:s1:" + id))
                .as("sealed with the server's key file, for this request").isEqualTo("+33612345678");
        assertThatThrownBy(() -> ContactCipher.fromKeyFile(KEY).open(sealed, "callback:s1:" + (id + 1)))
                .as("copied into another row, it does not open").isInstanceOf(ContactCipher.Unreadable.class);

        JsonObject listed = ok(server.get("/api/v1/counters/c1/callbacks", agent));
        assertThat(listed.getValue("held")).isNull();
        JsonObject item = listed.getJsonArray("open").getJsonObject(0);
        assertThat(item.getLong("id")).isEqualTo(id);
        assertThat(item.getBoolean("due")).isTrue();
        assertThat(item.getString("subject")).isEqualTo("Dossier APA de sa mère");
        assertThat(item.containsKey("phone")).as("a list never shows numbers").isFalse();

        JsonObject taken = TestServer.status(take(agent, "c1"), 200).bodyAsJsonObject();
        assertThat(taken.getJsonObject("phone").getString("national")).isEqualTo(NUMBER);
        assertThat(taken.getString("status")).isEqualTo("CALLING");
        String colleague = server.agentAtCounter("colleague", "s1", "c2");
        JsonObject seenByColleague = ok(server.get("/api/v1/counters/c2/callbacks", colleague));
        assertThat(seenByColleague.getValue("held")).isNull();
        assertThat(seenByColleague.getJsonArray("open").getJsonObject(0).containsKey("phone"))
                .as("a colleague sees the request being made, not the number").isFalse();
        assertThat(take(colleague, "c2").statusCode()).as("nothing else is due").isEqualTo(204);
        assertThat(server.post("/api/v1/callbacks/" + id + "/outcome", phoneAgent,
                new JsonObject().put("outcome", "answered")).bodyAsJsonObject().getString("error"))
                .isEqualTo("callback_not_held");
        assertThat(ok(server.get("/api/v1/counters/c1/callbacks", agent)).getJsonObject("held")
                .getJsonObject("phone").getString("national")).as("the tablet reads it again").isEqualTo(NUMBER);

        JsonObject again = outcome(id, "no_answer");
        assertThat(again.getString("status")).isEqualTo("WAITING");
        assertThat(again.getInteger("attempts")).isEqualTo(1);
        assertThat(Instant.parse(again.getString("notBefore"))).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(take(agent, "c1").statusCode()).as("not before the retry delay").isEqualTo(204);
        assertThat(ok(server.get("/api/v1/counters/c1/callbacks", agent)).getJsonArray("open").getJsonObject(0)
                .getBoolean("due")).isFalse();

        clock.advance(Duration.ofMinutes(31));
        JsonObject back = TestServer.status(take(agent, "c1"), 200).bodyAsJsonObject();
        assertThat(back.getLong("id")).as("the request came back").isEqualTo(id);
        JsonObject answered = outcome(id, "answered");
        assertThat(answered.getString("status")).isEqualTo("ANSWERED");
        assertThat(answered.getInteger("attempts")).isEqualTo(2);
        assertThat(stored(id).getValue("phone_cipher")).as("erased after the call").isNull();
        assertThat(server.sql("SELECT outcome FROM callback_attempt WHERE callback_id = $1 ORDER BY attempt", id)
                .stream().map(row -> row.getString("outcome")).toList()).containsExactly("NO_ANSWER", "ANSWERED");
        assertThat(ok(server.get("/api/v1/counters/c1/callbacks", agent)).getJsonArray("open")).isEmpty();
    }

    @Test
    void a_wrong_number_or_too_many_unanswered_calls_end_the_request_and_erase_the_number() {
        long wrong = ask("svc-a", "Transport scolaire").getLong("id");
        long unreached = ask("svc-a", "Aide à domicile").getLong("id");
        TestServer.status(take(agent, "c1"), 200);
        assertThat(take(agent, "c1").bodyAsJsonObject().getString("error"))
                .as("one call-back at a time per counter").isEqualTo("callback_in_progress");
        assertThat(outcome(wrong, "wrong_number").getString("status")).isEqualTo("WRONG_NUMBER");
        assertThat(stored(wrong).getValue("phone_cipher")).isNull();

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(TestServer.status(take(agent, "c1"), 200).bodyAsJsonObject().getLong("id"))
                    .isEqualTo(unreached);
            outcome(unreached, "no_answer");
            clock.advance(Duration.ofMinutes(30));
        }
        assertThat(stored(unreached).getString("status")).as("after callbacks.maxAttempts").isEqualTo("UNREACHED");
        assertThat(stored(unreached).getValue("phone_cipher")).isNull();
        assertThat(take(agent, "c1").statusCode()).isEqualTo(204);
    }

    @Test
    void a_request_taken_by_mistake_goes_back_as_it_was() {
        long id = ask("svc-b", "Bourse").getLong("id");
        JsonObject visitor = server.issue(server.deviceToken("kiosk-1"), "svc-a");
        ok(server.post("/api/v1/counters/c1/call-next", agent, null));
        assertThat(take(agent, "c1").bodyAsJsonObject().getString("error"))
                .as("not while a visitor is called to the counter").isEqualTo("counter_busy");
        ok(server.post("/api/v1/tickets/" + visitor.getLong("id") + "/no-show", agent, null));
        TestServer.status(take(agent, "c1"), 200);
        TestServer.status(server.post("/api/v1/callbacks/" + id + "/release", agent, null), 204);
        assertThat(stored(id).getString("status")).isEqualTo("WAITING");
        assertThat(stored(id).getInteger("attempts")).isZero();
        String other = server.agentAtCounter("other.agent", "s1", "c3");
        assertThat(TestServer.status(take(other, "c3"), 200).bodyAsJsonObject().getLong("id"))
                .as("another counter of the service takes it").isEqualTo(id);
        assertThat(take(server.agentAtCounter("a.agent", "s1", "c2"), "c2").statusCode())
                .as("a counter not serving svc-b never gets it").isEqualTo(204);
    }

    @Test
    void numbers_are_erased_after_keep_days_and_subjects_with_the_notes() {
        long called = ask("svc-a", "Rappeler pour RSA").getLong("id");
        long forgotten = ask("svc-a", "Carte mobilité").getLong("id");
        TestServer.status(take(agent, "c1"), 200);
        outcome(called, "answered");
        clock.advance(Duration.ofDays(8));
        assertThat(TestServer.await(server.services().callbacks().eraseDue())).isEqualTo(1);
        Row expired = stored(forgotten);
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.getValue("phone_cipher")).isNull();
        assertThat(server.sql("SELECT count(*) AS n FROM callback_request WHERE status IN ('WAITING', 'CALLING')")
                .get(0).getLong("n")).isZero();
        assertThat(stored(called).getString("subject")).as("kept for notesDays (30)").isEqualTo("Rappeler pour RSA");
        clock.advance(Duration.ofDays(31));
        TestServer.await(server.services().callbacks().eraseDue());
        assertThat(stored(called).getString("subject")).isEmpty();
        assertThat(stored(forgotten).getString("subject")).isEmpty();
    }

    @Test
    void the_number_is_in_no_log_event_or_export() {
        LogCapture log = LogCapture.start();
        List<String> events = new CopyOnWriteArrayList<>();
        server.vertx().eventBus().addOutboundInterceptor(delivery -> {
            events.add(delivery.message().address() + " " + delivery.message().body());
            delivery.next();
        });
        try {
            long id = ask("svc-a", "Dossier").getLong("id");
            TestServer.status(server.post("/api/v1/sites/s1/callbacks", phoneAgent, new JsonObject()
                    .put("serviceId", "svc-a").put("phone", "06 12 34 56").put("subject", "x")), 400);
            TestServer.status(take(agent, "c1"), 200);
            outcome(id, "no_answer");
            clock.advance(Duration.ofHours(1));
            TestServer.status(take(agent, "c1"), 200);
            outcome(id, "answered");
            String supervisor = server.agent("callback.supervisor", "supervisor", "s1");
            List<String> exports = new ArrayList<>();
            for (String path : List.of("/api/v1/stats/callbacks?siteId=s1", "/api/v1/stats/breakdown?by=service",
                    "/api/v1/stats/breakdown?by=service&format=csv", "/api/v1/stats/hours?format=csv",
                    "/api/v1/admin/audit")) {
                exports.add(server.get(path, path.contains("audit") ? server.adminToken() : supervisor)
                        .bodyAsString());
            }
            assertThat(events).as("the tablets heard of each change").anyMatch(event ->
                    event.startsWith("guichet.site.s1.queue") && event.contains("\"callbacks\""));
            List<String> seen = new ArrayList<>(events);
            seen.addAll(exports);
            seen.addAll(log.texts());
            for (String text : seen) {
                NUMBER_FORMS.forEach(form -> assertThat(text).doesNotContain(form));
            }
        } finally {
            log.close();
        }
    }

    @Test
    void statistics_show_call_back_delays_against_each_services_target() {
        Instant start = clock.instant();
        long quick = ask("svc-b", "Rapide").getLong("id");
        long slow = ask("svc-b", "Lent").getLong("id");
        ask("svc-b", "Oublié");
        clock.advance(Duration.ofMinutes(10));
        TestServer.status(take(agent, "c1"), 200);
        outcome(quick, "answered");
        clock.set(start.plus(Duration.ofMinutes(90)));
        TestServer.status(take(agent, "c1"), 200);
        outcome(slow, "wrong_number");

        LocalDate day = LocalDate.ofInstant(start, ZoneId.of("Europe/Paris"));
        String supervisor = server.agent("callback.supervisor", "supervisor", "s1");
        JsonObject figures = ok(server.get("/api/v1/stats/callbacks?siteId=s1&from=" + day.minusDays(1) + "&to="
                + day.plusDays(1), supervisor));
        JsonArray rows = figures.getJsonArray("rows");
        assertThat(rows).hasSize(1);
        JsonObject row = rows.getJsonObject(0);
        assertThat(row.getString("serviceId")).isEqualTo("svc-b");
        assertThat(row.getInteger("targetMinutes")).as("from the deployment").isEqualTo(60);
        assertThat(row.getLong("requests")).isEqualTo(3);
        assertThat(row.getLong("answered")).isEqualTo(1);
        assertThat(row.getLong("wrongNumber")).isEqualTo(1);
        assertThat(row.getLong("open")).isEqualTo(1);
        assertThat(row.getLong("calledBack")).isEqualTo(2);
        assertThat(row.getLong("meanDelaySeconds")).isEqualTo((600 + 5400) / 2);
        assertThat(row.getLong("withinTarget")).isEqualTo(1);
        assertThat(row.getLong("overdue")).as("the third waits past its 60 minutes").isEqualTo(1);
        assertThat(row.getDouble("shareWithinTarget")).isEqualTo(1.0 / 3);
        assertThat(server.get("/api/v1/stats/callbacks?siteId=s1", agent).statusCode())
                .as("supervisors only").isEqualTo(403);
    }

    @Test
    void bad_requests_are_refused_with_a_sentence_and_the_public_page_is_limited() {
        JsonObject base = new JsonObject().put("serviceId", "svc-a").put("phone", NUMBER).put("subject", "Objet");
        record Case(JsonObject body, String code) {
        }
        for (Case bad : List.of(new Case(base.copy().put("phone", "98"), "bad_phone_number"),
                new Case(base.copy().put("phone", "+33 6 99"), "bad_phone_number"),
                new Case(base.copy().put("subject", " "), "bad_request"),
                new Case(base.copy().put("serviceId", "o1"), "unknown_service"),
                new Case(base.copy().put("serviceId", "svc-z"), "unknown_service"),
                new Case(base.copy().put("date", "2020-01-01"), "bad_window"),
                new Case(base.copy().put("date", "demain"), "bad_window"),
                new Case(base.copy().put("from", "16:00").put("to", "15:00")
                        .put("date", LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString()), "bad_window"))) {
            HttpResponse<Buffer> refused = server.post("/api/v1/sites/s1/callbacks", phoneAgent, bad.body());
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("error")).as(bad.toString()).isEqualTo(bad.code());
            if (!bad.body().getString("phone").equals(NUMBER)) {
                assertThat(refused.bodyAsString()).as("the number typed is not said back")
                        .doesNotContain(bad.body().getString("phone"));
            }
        }
        assertThat(server.post("/api/v1/sites/s1/callbacks", server.deviceToken("kiosk-1"), base).statusCode())
                .as("a kiosk does not ask for call-backs").isEqualTo(403);
        assertThat(server.post("/api/v1/sites/s2/callbacks", phoneAgent, base.copy().put("serviceId", "svc-z"))
                .statusCode()).as("another site's agent").isEqualTo(403);
        assertThat(server.sql("SELECT count(*) AS n FROM callback_request").get(0).getLong("n")).isZero();

        for (int n = 0; n < 5; n++) {
            TestServer.status(server.post("/api/v1/public/sites/s1/callbacks", null, base.copy()
                    .put("phone", "06 55 44 33 2" + n)), 201);
        }
        HttpResponse<Buffer> limited = server.post("/api/v1/public/sites/s1/callbacks", null, base);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
        assertThat(limited.getHeader("Retry-After")).isNotNull();
        assertThat(server.sql("SELECT count(*) AS n FROM callback_request WHERE channel = 'PHONE_PAGE'").get(0)
                .getLong("n")).isEqualTo(5);
        assertThat(server.post("/api/v1/public/sites/formation:s1/callbacks", null, base).statusCode())
                .isEqualTo(404);
    }

    @Test
    void one_open_request_per_number_and_service_and_held_requests_never_stay_stuck() {
        long first = ask("svc-a", "Premier appel").getLong("id");
        HttpResponse<Buffer> twice = server.post("/api/v1/sites/s1/callbacks", phoneAgent, new JsonObject()
                .put("serviceId", "svc-a").put("phone", "+33 6 12 34 56 78").put("subject", "Encore"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.bodyAsJsonObject().getString("error")).isEqualTo("callback_exists");
        TestServer.status(server.post("/api/v1/sites/s1/callbacks", phoneAgent, new JsonObject()
                .put("serviceId", "svc-b").put("phone", NUMBER).put("subject", "Autre service, même numéro")), 201);

        TestServer.status(take(agent, "c1"), 200);
        ok(server.post("/api/v1/counters/c1/close", agent, null));
        assertThat(stored(first).getString("status")).as("closing the counter gives it back").isEqualTo("WAITING");

        String colleague = server.agentAtCounter("colleague.two", "s1", "c2");
        TestServer.status(take(colleague, "c2"), 200);
        assertThat(server.post("/api/v1/callbacks/" + first + "/release", agent, null).statusCode())
                .as("an agent may not give back a colleague's").isEqualTo(409);
        String supervisor = server.agent("callback.supervisor", "supervisor", "s1");
        TestServer.status(server.post("/api/v1/callbacks/" + first + "/release", supervisor, null), 204);
        assertThat(stored(first).getString("status")).as("a supervisor may").isEqualTo("WAITING");

        TestServer.status(take(colleague, "c2"), 200);
        clock.advance(Duration.ofMinutes(31));
        TestServer.await(server.services().callbacks().eraseDue());
        assertThat(stored(first).getString("status")).as("taken 31 minutes ago and never said how it went")
                .isEqualTo("WAITING");
        assertThat(stored(first).getInteger("attempts")).isZero();
    }

    @Test
    void a_request_for_a_later_day_is_kept_until_keep_days_after_it() {
        String later = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(10).toString();
        long id = TestServer.status(server.post("/api/v1/sites/s1/callbacks", phoneAgent, new JsonObject()
                .put("serviceId", "svc-a").put("phone", NUMBER).put("subject", "Dans dix jours").put("date", later)
                .put("from", "09:00").put("to", "11:00")), 201).bodyAsJsonObject().getLong("id");
        clock.advance(Duration.ofDays(8));
        TestServer.await(server.services().callbacks().eraseDue());
        assertThat(stored(id).getString("status")).as("not erased before its day").isEqualTo("WAITING");
        clock.advance(Duration.ofDays(10));
        TestServer.await(server.services().callbacks().eraseDue());
        assertThat(stored(id).getString("status")).isEqualTo("EXPIRED");
        assertThat(stored(id).getValue("phone_cipher")).isNull();
    }
}
