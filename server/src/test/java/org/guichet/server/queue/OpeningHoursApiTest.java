package org.guichet.server.queue;

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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Site s1 opens 08:30–12:00 and 13:30–17:00 on weekdays, issues its last ticket 15 minutes before each closing and
 * closes on French public holidays: kiosks are refused outside those times with the next opening, agents are not, and
 * no minute is promised for a service with no open counter.
 */
class OpeningHoursApiTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final MutableClock clock = new MutableClock(paris("2026-11-30T06:56"));

    /** The clock moves over months: sessions must outlive it. */
    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withClock(clock).withSessionLifetime(Duration.ofDays(400)));
    private static String kiosk;

    private static Instant paris(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), PARIS).toInstant();
    }

    @BeforeAll
    static void declareTheCalendar() {
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), withCalendar(new JsonObject()
                .put("mon", "08:30-12:00, 13:30-17:00").put("tue", "08:30-12:00, 13:30-17:00")
                .put("wed", "08:30-12:00").put("thu", "08:30-12:00, 13:30-17:00").put("fri", "08:30-16:30"))));
        kiosk = server.tokenOf("kiosk-1");
    }

    private static JsonObject withCalendar(JsonObject openingHours) {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).put("openingHours", openingHours)
                .put("calendar", new JsonObject().put("lastTicketMinutesBeforeClosing", 15));
        return deployment;
    }

    private static HttpResponse<Buffer> kioskIssue(String serviceId) {
        return server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", serviceId));
    }

    private static JsonObject opening() {
        return ok(server.get("/api/v1/sites/s1/menu", kiosk)).getJsonObject("opening");
    }

    @Test
    void at_0656_on_a_monday_a_kiosk_is_refused_with_the_opening_time_and_its_menu_says_so() {
        clock.set(paris("2026-11-30T06:56"));
        long ticketsBefore = tickets();

        HttpResponse<Buffer> refused = kioskIssue("svc-a");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("site_closed");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("2026-11-30T08:30+01:00");
        JsonObject opening = opening();
        assertThat(opening.getBoolean("issuing")).isFalse();
        assertThat(opening.getBoolean("open")).isFalse();
        assertThat(opening.getString("reason")).isEqualTo("OUTSIDE_HOURS");
        assertThat(opening.getString("nextOpeningAt")).isEqualTo("2026-11-30T08:30+01:00");
        assertThat(opening.getString("nextChangeAt")).isEqualTo("2026-11-30T08:30+01:00");
        assertThat(opening.getLong("secondsToNextChange")).isEqualTo(94 * 60);
        assertThat(opening.getJsonObject("nextOpening")).isEqualTo(new JsonObject().put("date", "2026-11-30")
                .put("time", "08:30").put("weekday", 1).put("days", 0));
        assertThat(tickets()).isEqualTo(ticketsBefore);
    }

    private static long tickets() {
        return server.sql("SELECT count(*) AS n FROM ticket").get(0).getLong("n");
    }

    @Test
    void an_agent_issues_after_hours_for_a_visitor_already_inside_with_no_minute_promised() {
        clock.set(paris("2026-11-30T17:20"));
        String agent = server.agent("hours.agent", "agent", "s1");

        JsonObject issued = server.issue(agent, "svc-c");

        assertThat(issued.getString("number")).startsWith("C");
        assertThat(issued.containsKey("estimatedWaitMinutes")).isTrue();
        assertThat(issued.getValue("estimatedWaitMinutes")).as("no counter is open").isNull();
        assertThat(kioskIssue("svc-c").statusCode()).isEqualTo(409);
    }

    @Test
    void during_opening_hours_a_service_with_no_open_counter_gets_no_estimate_and_one_with_a_counter_does() {
        clock.set(paris("2026-12-01T09:00"));
        JsonObject opening = opening();
        assertThat(opening.getBoolean("issuing")).isTrue();
        assertThat(opening.getString("lastTicketAt")).isEqualTo("2026-12-01T11:45+01:00");
        assertThat(opening.getString("nextChangeAt")).isEqualTo("2026-12-01T11:45+01:00");

        HttpResponse<Buffer> noCounter = kioskIssue("svc-b");
        assertThat(noCounter.statusCode()).isEqualTo(201);
        assertThat(noCounter.bodyAsJsonObject().getValue("estimatedWaitMinutes")).isNull();

        String agent = server.agentAtCounter("hours.counter", "s1", "c1");
        HttpResponse<Buffer> withCounter = kioskIssue("svc-b");
        assertThat(withCounter.statusCode()).isEqualTo(201);
        JsonObject served = withCounter.bodyAsJsonObject();
        assertThat(served.getInteger("peopleAhead")).isEqualTo(1);
        assertThat(served.getInteger("estimatedWaitMinutes")).isPositive();
        ok(server.post("/api/v1/counters/c1/close", agent, null));
    }

    @Test
    void fifteen_minutes_before_each_closing_kiosks_stop_issuing_until_the_next_opening() {
        clock.set(paris("2026-12-01T11:46"));
        HttpResponse<Buffer> beforeLunch = kioskIssue("svc-a");
        assertThat(beforeLunch.statusCode()).isEqualTo(409);
        assertThat(opening().getString("reason")).isEqualTo("AFTER_LAST_TICKET");
        assertThat(opening().getBoolean("open")).isTrue();
        assertThat(opening().getString("nextOpeningAt")).isEqualTo("2026-12-01T13:30+01:00");

        clock.set(paris("2026-12-01T13:30"));
        assertThat(kioskIssue("svc-a").statusCode()).isEqualTo(201);

        clock.set(paris("2026-12-04T16:20"));
        assertThat(kioskIssue("svc-a").statusCode()).as("Friday closes at 16:30").isEqualTo(409);
        JsonObject friday = opening();
        assertThat(friday.getString("nextOpeningAt")).isEqualTo("2026-12-07T08:30+01:00");
        assertThat(friday.getJsonObject("nextOpening").getInteger("days")).isEqualTo(3);
        assertThat(friday.getJsonObject("nextOpening").getInteger("weekday")).isEqualTo(1);
    }

    @Test
    void whit_monday_is_closed_and_tuesday_opens_in_summer_time() {
        clock.set(paris("2027-05-17T10:00"));

        assertThat(kioskIssue("svc-a").statusCode()).isEqualTo(409);
        assertThat(opening().getString("reason")).isEqualTo("PUBLIC_HOLIDAY");
        assertThat(opening().getString("nextOpeningAt")).isEqualTo("2027-05-18T08:30+02:00");
    }

    @Test
    void hours_that_cannot_be_read_are_refused_and_the_stored_ones_stay() {
        clock.set(paris("2026-12-01T09:00"));

        HttpResponse<Buffer> refused = server.put("/api/v1/admin/deployment", server.adminToken(),
                withCalendar(new JsonObject().put("mon", "08:30-12:00, 11:00-17:00")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("message"))
                .isEqualTo("Site 's1': openingHours.mon: ranges overlap.");
        JsonObject site = ok(server.get("/api/v1/sites/s1", server.adminToken()));
        assertThat(site.getJsonObject("openingHours").getString("mon")).isEqualTo("08:30-12:00, 13:30-17:00");
        assertThat(site.getJsonObject("calendar").getInteger("lastTicketMinutesBeforeClosing")).isEqualTo(15);
    }

    @Test
    void a_site_without_hours_issues_at_any_hour() {
        clock.set(paris("2026-12-25T03:00"));
        String otherKiosk = server.tokenOf("kiosk-2");

        HttpResponse<Buffer> issued = server.post("/api/v1/tickets", otherKiosk,
                new JsonObject().put("serviceId", "svc-z"));

        assertThat(issued.statusCode()).isEqualTo(201);
        JsonObject opening = ok(server.get("/api/v1/sites/s2/menu", otherKiosk)).getJsonObject("opening");
        assertThat(opening.getBoolean("issuing")).isTrue();
        assertThat(opening.getValue("nextChangeAt")).isNull();
    }
}
