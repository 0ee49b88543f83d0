package org.guichet.server.appointments;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Appointments: slots within the site's calendar and no slot over its capacity, however many book at once; a code to
 * check in at the kiosk within the early and late allowances; the ticket called at the booked time ahead of walk-ins
 * and never before; missed ones counted; cancelling gives the place back.
 */
class AppointmentApiTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 09:10 in Paris tomorrow: every test books from there (s1 has no hours: slots every 20 minutes all day). */
    private static final Instant MORNING = ZonedDateTime.of(LocalDate.now(PARIS).plusDays(1).atTime(9, 10), PARIS)
            .toInstant();
    private static final MutableClock clock = new MutableClock(MORNING);

    @RegisterExtension
    final TestServer server = TestServer.perTest().withClock(clock);

    private String agent;
    private String kiosk;

    @BeforeEach
    void start() {
        clock.set(MORNING);
        agent = server.agent("booking.agent", "agent", "s1");
        kiosk = server.deviceToken("kiosk-1");
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(LocalDate.ofInstant(MORNING, PARIS).atTime(hour, minute), PARIS).toInstant();
    }

    private HttpResponse<Buffer> book(Instant startsAt, String name) {
        JsonObject body = new JsonObject().put("serviceId", "svc-a").put("startsAt", startsAt.toString())
                .put("language", "en");
        return server.post("/api/v1/sites/s1/appointments", agent, name == null ? body : body.put("name", name));
    }

    private JsonArray slots() {
        return new JsonArray(TestServer.status(server.get("/api/v1/public/sites/s1/appointments/slots?serviceId=svc-a"
                + "&date=" + LocalDate.ofInstant(MORNING, PARIS), null), 200).bodyAsString());
    }

    private int remaining(Instant slot) {
        for (Object item : slots()) {
            JsonObject entry = (JsonObject) item;
            if (Instant.parse(entry.getString("startsAt")).equals(slot)) {
                return entry.getInteger("remaining");
            }
        }
        throw new AssertionError("no slot at " + slot);
    }

    private HttpResponse<Buffer> checkIn(String code) {
        return server.post("/api/v1/sites/s1/appointments/check-in", kiosk, new JsonObject().put("code", code));
    }

    @Test
    void a_visitor_books_sees_and_cancels_and_the_place_comes_back() {
        JsonArray services = new JsonArray(server.get("/api/v1/public/sites/s1/appointments/services", null)
                .bodyAsString());
        assertThat(services).hasSize(1);
        assertThat(services.getJsonObject(0).getString("id")).isEqualTo("svc-a");
        JsonArray slots = slots();
        assertThat(slots.getJsonObject(0).getString("startsAt")).as("the first slot still to come")
                .isEqualTo(at(9, 20).toString());
        assertThat(slots).as("every 20 minutes from 09:20 to 23:40, the last ending at midnight").hasSize(44);

        JsonObject booked = TestServer.status(server.post("/api/v1/public/sites/s1/appointments", null,
                new JsonObject().put("serviceId", "svc-a").put("startsAt", at(10, 0).toString())
                        .put("name", "Mme Durand").put("language", "es")), 201).bodyAsJsonObject();
        assertThat(booked.getString("code")).matches("[ACDEFGHJKMNPQRTUVWXY34679]{6}");
        assertThat(booked.getString("serviceName")).isEqualTo("Service A");
        assertThat(booked.getString("path")).startsWith("/rdv/a/");
        assertThat(remaining(at(10, 0))).isEqualTo(1);
        String token = booked.getString("token");
        assertThat(ok(server.get("/api/v1/public/appointments/" + token, null)).getString("status"))
                .isEqualTo("BOOKED");
        assertThat(server.get("/api/v1/public/appointments/" + token + "/code.svg", null).bodyAsString())
                .startsWith("<svg");

        assertThat(ok(server.post("/api/v1/public/appointments/" + token + "/cancel", null, null))
                .getString("status")).isEqualTo("CANCELLED");
        assertThat(remaining(at(10, 0))).as("the place is given back").isEqualTo(2);
        assertThat(server.post("/api/v1/public/appointments/" + token + "/cancel", null, null).bodyAsJsonObject()
                .getString("error")).isEqualTo("not_booked");
        assertThat(checkIn(booked.getString("code")).statusCode()).as("a cancelled code checks nothing in")
                .isEqualTo(404);
    }

    @Test
    void fifty_bookings_racing_for_the_last_place_of_a_slot_give_it_to_one() {
        TestServer.status(book(at(11, 0), "Premier"), 201);
        List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            racing.add(server.request(HttpMethod.POST, "/api/v1/sites/s1/appointments", agent, new JsonObject()
                    .put("serviceId", "svc-a").put("startsAt", at(11, 0).toString()).put("name", "Visiteur " + n)));
        }
        TestServer.await(Future.join(racing));
        List<Integer> statuses = racing.stream().map(answer -> answer.result().statusCode()).toList();
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
        assertThat(racing.stream().map(answer -> answer.result().bodyAsJsonObject().getString("error"))
                .filter(error -> error != null).distinct().toList()).containsExactly("slot_full");
        assertThat(server.sql("SELECT count(*) AS n FROM appointment WHERE starts_at = $1",
                java.time.OffsetDateTime.ofInstant(at(11, 0), java.time.ZoneOffset.UTC)).get(0).getLong("n"))
                .isEqualTo(2);
        assertThat(remaining(at(11, 0))).isZero();
    }

    @Test
    void checked_in_early_the_visitor_is_called_at_the_booked_time_ahead_of_walk_ins_and_not_before() {
        JsonObject booked = TestServer.status(book(at(10, 0), "M. Martin"), 201).bodyAsJsonObject();
        String code = booked.getString("code");
        JsonObject first = server.issue(kiosk, "svc-a");
        JsonObject second = server.issue(kiosk, "svc-a");

        clock.set(at(8, 55));
        HttpResponse<Buffer> early = checkIn(code);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.bodyAsJsonObject().getString("error")).isEqualTo("appointment_too_early");
        assertThat(early.bodyAsJsonObject().getJsonObject("current").getString("startsAt"))
                .isEqualTo(at(10, 0).toString());

        clock.set(at(9, 30));
        String typed = code.toLowerCase().substring(0, 3) + " " + code.substring(3).toLowerCase();
        JsonObject ticket = TestServer.status(checkIn(typed), 201).bodyAsJsonObject();
        assertThat(ticket.getString("priority")).isEqualTo("APPOINTMENT");
        assertThat(ticket.getString("appointmentAt")).isEqualTo(at(10, 0).toString());
        assertThat(ticket.getString("language")).as("the booking's language").isEqualTo("en");
        assertThat(ticket.getJsonObject("appointment").containsKey("name")).as("a kiosk gets no name").isFalse();
        List<Future<HttpResponse<Buffer>>> twice = List.of(
                server.request(HttpMethod.POST, "/api/v1/sites/s1/appointments/check-in", kiosk,
                        new JsonObject().put("code", code)),
                server.request(HttpMethod.POST, "/api/v1/sites/s1/appointments/check-in", kiosk,
                        new JsonObject().put("code", code)));
        TestServer.await(Future.join(twice));
        for (Future<HttpResponse<Buffer>> again : twice) {
            assertThat(TestServer.status(again.result(), 201).bodyAsJsonObject().getLong("id"))
                    .as("a check-in sent again, even at once, gets the same ticket").isEqualTo(ticket.getLong("id"));
        }

        String counter = server.agentAtCounter("calling.agent", "s1", "c2");
        JsonArray listed = new JsonArray(server.get("/api/v1/counters/c2/waiting", counter).bodyAsString());
        JsonObject entry = listed.stream().map(JsonObject.class::cast)
                .filter(item -> item.getLong("id").equals(ticket.getLong("id"))).findFirst().orElseThrow();
        assertThat(entry.getString("appointmentName")).as("the agent sees the name given").isEqualTo("M. Martin");
        assertThat(entry.getBoolean("overTarget")).as("early is not waiting").isFalse();
        assertThat(entry.getLong("waitedSeconds")).isZero();
        JsonObject called = ok(server.post("/api/v1/counters/c2/call-next", counter, null));
        assertThat(called.getString("number")).as("before its time, walk-ins first")
                .isEqualTo(first.getString("number"));
        ok(server.post("/api/v1/tickets/" + called.getLong("id") + "/no-show", counter, null));

        clock.set(at(10, 0));
        called = ok(server.post("/api/v1/counters/c2/call-next", counter, null));
        assertThat(called.getLong("id")).as("at the booked time, ahead of the walk-in who came earlier")
                .isEqualTo(ticket.getLong("id"));
        ok(server.post("/api/v1/tickets/" + called.getLong("id") + "/no-show", counter, null));
        assertThat(ok(server.post("/api/v1/counters/c2/call-next", counter, null)).getLong("id"))
                .isEqualTo(second.getLong("id"));

        JsonArray waitingList = new JsonArray(server.get("/api/v1/counters/c2/waiting", counter).bodyAsString());
        assertThat(waitingList).isEmpty();
    }

    @Test
    void a_visitor_past_the_late_allowance_has_missed_it_and_is_counted_a_no_show() {
        JsonObject missed = TestServer.status(book(at(9, 20), "En retard"), 201).bodyAsJsonObject();
        JsonObject kept = TestServer.status(book(at(9, 40), "À l'heure"), 201).bodyAsJsonObject();
        TestServer.status(book(at(12, 0), null), 201);

        clock.set(at(9, 36));
        assertThat(server.post("/api/v1/public/appointments/" + missed.getString("token") + "/cancel", null, null)
                .bodyAsJsonObject().getString("error")).as("too late to cancel once it has begun").isEqualTo("not_booked");
        HttpResponse<Buffer> late = checkIn(missed.getString("code"));
        assertThat(late.statusCode()).as("16 minutes late, past lateMinutes (15)").isEqualTo(409);
        assertThat(late.bodyAsJsonObject().getString("error")).isEqualTo("appointment_missed");
        JsonObject ticket = TestServer.status(checkIn(kept.getString("code")), 201).bodyAsJsonObject();
        TestServer.await(server.services().appointments().tidy());
        assertThat(ok(server.get("/api/v1/public/appointments/" + missed.getString("token"), null))
                .getString("status")).isEqualTo("NO_SHOW");

        clock.set(at(9, 45));
        String counter = server.agentAtCounter("stats.agent", "s1", "c2");
        ok(server.post("/api/v1/counters/c2/call-next", counter, null));
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/start", counter, null));
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/finish", counter, null));
        JsonObject walkIn = server.issue(kiosk, "svc-a");
        ok(server.post("/api/v1/counters/c2/call-next", counter, null));
        ok(server.post("/api/v1/tickets/" + walkIn.getLong("id") + "/no-show", counter, null));

        String supervisor = server.agent("appointments.supervisor", "supervisor", "s1");
        LocalDate day = LocalDate.ofInstant(MORNING, PARIS);
        JsonObject row = ok(server.get("/api/v1/stats/appointments?siteId=s1&from=" + day + "&to=" + day,
                supervisor)).getJsonArray("rows").getJsonObject(0);
        assertThat(row.getLong("appointments")).isEqualTo(3);
        assertThat(row.getLong("noShows")).isEqualTo(1);
        assertThat(row.getLong("checkedIn")).isEqualTo(1);
        assertThat(row.getLong("called")).isEqualTo(1);
        assertThat(row.getLong("meanLatenessSeconds")).as("called at 09:45 for 09:40").isEqualTo(300);
        assertThat(row.getLong("calledOnTime")).isEqualTo(1);
        assertThat(row.getDouble("appointmentShare")).as("1 of the 2 tickets of the day").isEqualTo(0.5);
    }

    @Test
    void a_visitor_who_lost_their_code_is_found_by_service_and_time_and_shown_by_an_initial_only() {
        JsonObject zoe = TestServer.status(book(at(9, 40), "zoé Martin"), 201).bodyAsJsonObject();
        TestServer.status(book(at(11, 0), "Later"), 201);
        clock.set(at(9, 30));
        JsonArray atHand = new JsonArray(TestServer.status(server.get(
                "/api/v1/sites/s1/appointments/at-hand?serviceId=svc-a", kiosk), 200).bodyAsString());
        assertThat(atHand).as("only those one may check in for now").hasSize(1);
        JsonObject found = atHand.getJsonObject(0);
        assertThat(found.getString("initial")).isEqualTo("Z");
        assertThat(found.encode()).doesNotContain("Martin").doesNotContain(zoe.getString("code"));
        JsonObject ticket = TestServer.status(server.post("/api/v1/sites/s1/appointments/check-in", kiosk,
                new JsonObject().put("appointmentId", found.getLong("id"))), 201).bodyAsJsonObject();
        assertThat(ticket.getString("appointmentAt")).isEqualTo(at(9, 40).toString());
        assertThat(TestServer.status(server.post("/api/v1/sites/s1/appointments/check-in", kiosk,
                new JsonObject().put("appointmentId", found.getLong("id"))), 201).bodyAsJsonObject().getLong("id"))
                .as("sent again: the same ticket").isEqualTo(ticket.getLong("id"));
        assertThat(new JsonArray(server.get("/api/v1/sites/s1/appointments/at-hand?serviceId=svc-a", kiosk)
                .bodyAsString())).isEmpty();
        assertThat(server.get("/api/v1/sites/s1/appointments/at-hand?serviceId=svc-a", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void bad_bookings_are_refused_with_a_sentence() {
        record Case(JsonObject body, String code) {
        }
        JsonObject base = new JsonObject().put("serviceId", "svc-a").put("startsAt", at(10, 0).toString());
        for (Case bad : List.of(new Case(base.copy().put("startsAt", at(10, 5).toString()), "bad_slot"),
                new Case(base.copy().put("startsAt", at(9, 0).toString()), "bad_slot"),
                new Case(base.copy().put("startsAt", "demain 10 h"), "bad_slot"),
                new Case(base.copy().put("serviceId", "svc-b"), "no_appointments"),
                new Case(base.copy().put("serviceId", "svc-z"), "no_appointments"),
                new Case(base.copy().put("name", "x".repeat(81)), "bad_request"))) {
            HttpResponse<Buffer> refused = server.post("/api/v1/public/sites/s1/appointments", null, bad.body());
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("error")).as(bad.toString()).isEqualTo(bad.code());
        }
        assertThat(checkIn("12").bodyAsJsonObject().getString("error")).isEqualTo("bad_code");
        assertThat(checkIn("ACDEFG").statusCode()).isEqualTo(404);
        HttpResponse<Buffer> guessing = null;
        for (int n = 0; n < 10 && (guessing == null || guessing.statusCode() == 404); n++) {
            guessing = checkIn("ACDEF" + "GHJKMNPQRT".charAt(n));
        }
        assertThat(guessing.statusCode()).as("codes tried one by one are slowed down").isEqualTo(429);
        assertThat(guessing.bodyAsJsonObject().getString("error")).isEqualTo("too_many_codes");
        assertThat(server.post("/api/v1/sites/s1/appointments/check-in", null, new JsonObject().put("code", "ACDEFG"))
                .statusCode()).isEqualTo(401);
        assertThat(server.get("/api/v1/public/appointments/nothing-like-a-token", null).statusCode()).isEqualTo(404);
        // Ten requests an address at once, those refused for their content included: then one a minute.
        int accepted = 0;
        HttpResponse<Buffer> limited = null;
        for (int n = 0; n <= 10 && (limited == null || limited.statusCode() == 201); n++) {
            limited = server.post("/api/v1/public/sites/s1/appointments", null,
                    base.copy().put("startsAt", at(13 + n / 2, (n % 2) * 20).toString()));
            accepted += limited.statusCode() == 201 ? 1 : 0;
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(accepted).isBetween(1, 10);
        assertThat(limited.getHeader("Retry-After")).isNotNull();
    }
}
