package org.guichet.server.phone;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.sms.SmsSettings;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * SMS reminders of phone tickets through the HTTP gateway, against a local HTTP server playing the SMS provider: one
 * SMS when three people are left, in the ticket's language; retried and reported when the provider fails, never
 * holding the queue; the number sealed until then and erased after.
 */
class SmsReminderTest {

    private static final String PATH = "/v3/transactionalSMS/send";
    private static final String KEY = "xkeysib-reminder-test-0123456789";
    private static final List<JsonObject> received = new CopyOnWriteArrayList<>();
    /** What the provider answers: 201, or 500 to fail. */
    private static final AtomicInteger answer = new AtomicInteger(201);
    private static Vertx vertx;
    private static HttpServer provider;
    private static TestServer server;
    private static String kiosk;
    private static final AtomicInteger phones = new AtomicInteger();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        provider = TestServer.await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (KEY.equals(request.getHeader("api-key")) && PATH.equals(request.path())) {
                received.add(body.toJsonObject());
            }
            int status = answer.get();
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(status == 201 ? "{\"messageId\": " + received.size() + "}" : "{\"code\":\"server_error\"}");
        })).listen(0, "127.0.0.1"));
        SmsSettings sms = new SmsSettings("http://127.0.0.1:" + provider.actualPort() + PATH, KEY, "Guichet", 3,
                Duration.ofMillis(100), Duration.ofSeconds(5));
        server = TestServer.start(vertx, TestServer.options(TestDatabase.freshDatabase(), 0).withSms(sms));
        kiosk = server.deviceToken("kiosk-1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TestServer.await(vertx.close());
    }

    private static JsonObject phoneTicket(String smsPhone, String language) {
        return TestServer.status(server.post("/api/v1/public/sites/s1/tickets", null, new JsonObject()
                .put("serviceId", "svc-a").put("phoneKey", "reminder-phone-key-%06d".formatted(phones.incrementAndGet()))
                .put("language", language).put("smsPhone", smsPhone)), 201).bodyAsJsonObject();
    }

    private static Row reminder(long ticketId) {
        return server.sql("SELECT status, phone_cipher, failure FROM ticket_reminder WHERE ticket_id = $1", ticketId)
                .get(0);
    }

    private static int sendDue() {
        return TestServer.await(server.services().reminders().sendDue());
    }

    private static void emptyQueue(String agent) {
        while (server.post("/api/v1/counters/c2/call-next", agent, null).statusCode() == 200) {
            JsonObject counter = ok(server.get("/api/v1/counters/c2", agent));
            ok(server.post("/api/v1/tickets/" + counter.getJsonObject("currentTicket").getLong("id") + "/no-show",
                    agent, null));
        }
    }

    private static void callAndDismiss(String agent) {
        JsonObject called = ok(server.post("/api/v1/counters/c2/call-next", agent, null));
        ok(server.post("/api/v1/tickets/" + called.getLong("id") + "/no-show", agent, null));
    }

    @Test
    void one_sms_when_three_people_are_left_then_the_number_is_erased_and_failures_are_retried_and_reported() {
        assertThat(ok(server.get("/api/v1/public/sites/s1/menu", null)).getBoolean("smsReminders")).isTrue();
        String agent = server.agentAtCounter("reminder.agent", "s1", "c2");
        int before = received.size();
        long sentBefore = ok(server.get("/api/v1/stats/sms-reminders", server.agent("reminder.counting", "supervisor",
                "s1"))).getJsonObject("thisNode").getLong("sent");
        for (int n = 0; n < 5; n++) {
            server.issue(kiosk, "svc-a");
        }
        JsonObject ticket = phoneTicket("06 12 34 56 78", "es");
        long id = ticket.getLong("id");
        String raw = new String(reminder(id).getBuffer("phone_cipher").getBytes(), StandardCharsets.ISO_8859_1);
        List.of("0612345678", "612345678", "12 34 56 78").forEach(form -> assertThat(raw).doesNotContain(form));

        assertThat(sendDue()).as("five people before it").isZero();
        callAndDismiss(agent);
        assertThat(sendDue()).as("four").isZero();
        callAndDismiss(agent);
        assertThat(sendDue()).as("three: the reminder goes").isEqualTo(1);
        Eventually.await("the SMS sent", Duration.ofSeconds(10), () -> reminder(id).getString("status"),
                "SENT"::equals);
        assertThat(received).hasSize(before + 1);
        JsonObject sms = received.get(before);
        assertThat(sms.getString("recipient")).isEqualTo("33612345678");
        assertThat(sms.getString("content")).isEqualTo("Site Un – bâtiment A: solo 3 persona(s) antes de su turno "
                + ticket.getString("number") + ". Vuelva a la sala de espera.");
        assertThat(reminder(id).getValue("phone_cipher")).as("erased once sent").isNull();
        callAndDismiss(agent);
        assertThat(sendDue()).as("never twice").isZero();
        assertThat(received).hasSize(before + 1);

        long called = phoneTicket("07 00 00 00 01", "fr").getLong("id");
        emptyQueue(agent);
        assertThat(sendDue()).isZero();
        assertThat(reminder(called).getString("status")).as("called before its reminder: none").isEqualTo("DROPPED");
        assertThat(reminder(called).getValue("phone_cipher")).isNull();

        answer.set(500);
        long failing = phoneTicket("+34 612 345 678", "fr").getLong("id");
        server.issue(kiosk, "svc-a");
        assertThat(sendDue()).isEqualTo(1);
        assertThat(server.post("/api/v1/counters/c2/call-next", agent, null).statusCode())
                .as("the queue goes on while the provider fails").isEqualTo(200);
        Eventually.await("the reminder given up", Duration.ofSeconds(10), () -> reminder(failing).getString("status"),
                "FAILED"::equals);
        assertThat(reminder(failing).getString("failure")).contains("500").doesNotContain("612");
        assertThat(reminder(failing).getValue("phone_cipher")).isNull();
        assertThat(received).as("three attempts, none accepted").hasSize(before + 4);
        assertThat(received.get(before + 3).getString("recipient")).isEqualTo("34612345678");
        assertThat(received.get(before + 3).getString("content")).endsWith("est le prochain. Revenez dans la salle d'attente.");
        JsonObject report = ok(server.get("/api/v1/stats/sms-reminders",
                server.agent("reminder.supervisor", "supervisor", "s1")));
        assertThat(report.getJsonObject("thisNode").getLong("sent")).isEqualTo(sentBefore + 1);
        assertThat(report.getJsonObject("thisNode").getLong("failed")).isEqualTo(1);
        assertThat(report.getJsonObject("thisNode").getLong("retried")).isEqualTo(2);
        assertThat(report.getJsonObject("reminders").getLong("FAILED")).isEqualTo(1);
        assertThat(server.get("/api/v1/stats/sms-reminders", agent).statusCode()).isEqualTo(403);
        answer.set(201);
    }

    @Test
    void a_number_that_cannot_take_an_sms_is_refused_before_any_ticket() {
        long before = server.sql("SELECT count(*) AS n FROM ticket").get(0).getLong("n");
        for (String number : List.of("01 23 45 67 89", "12", "06 12")) {
            var refused = server.post("/api/v1/public/sites/s1/tickets", null, new JsonObject().put("serviceId", "svc-a")
                    .put("phoneKey", "reminder-phone-key-bad-000001").put("smsPhone", number));
            assertThat(refused.statusCode()).as(number).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("bad_phone_number");
        }
        assertThat(server.sql("SELECT count(*) AS n FROM ticket").get(0).getLong("n")).isEqualTo(before);
    }

    @Test
    void a_visitor_who_asked_gets_one_sms_reminder_of_their_appointment_with_its_code() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // The next slot of svc-a (every 20 minutes, the site having no hours): well within reminderMinutes (120).
        java.time.ZonedDateTime slot = now.withMinute(now.getMinute() / 20 * 20).plusMinutes(20);
        int sentBefore = received.size();
        JsonObject booked = TestServer.status(server.post("/api/v1/public/sites/s1/appointments", null,
                new JsonObject().put("serviceId", "svc-a").put("startsAt", slot.toInstant().toString())
                        .put("language", "oc").put("smsPhone", "06 98 76 54 32")), 201).bodyAsJsonObject();
        JsonObject cancelled = TestServer.status(server.post("/api/v1/public/sites/s1/appointments", null,
                new JsonObject().put("serviceId", "svc-a").put("startsAt", slot.toInstant().toString())
                        .put("smsPhone", "07 98 76 54 32")), 201).bodyAsJsonObject();
        Row stored = server.sql("SELECT phone_cipher FROM appointment WHERE token = $1", booked.getString("token"))
                .get(0);
        String raw = new String(stored.getBuffer("phone_cipher").getBytes(), StandardCharsets.ISO_8859_1);
        List.of("0698765432", "698765432", "98 76 54 32").forEach(form -> assertThat(raw).doesNotContain(form));
        ok(server.post("/api/v1/public/appointments/" + cancelled.getString("token") + "/cancel", null, null));

        assertThat(TestServer.await(server.services().reminders().sendAppointmentReminders(120))).isEqualTo(1);
        Eventually.await("the reminder sent", Duration.ofSeconds(10), () -> server.sql(
                "SELECT reminder FROM appointment WHERE token = $1", booked.getString("token")).get(0)
                .getString("reminder"), "SENT"::equals);
        JsonObject sms = received.get(sentBefore);
        assertThat(sms.getString("recipient")).isEqualTo("33698765432");
        assertThat(sms.getString("content")).startsWith("Site Un – bâtiment A : rendètz-vos Service A lo ")
                .endsWith("picatz lo còdi " + booked.getString("code") + ".");
        assertThat(server.sql("SELECT reminder, phone_cipher FROM appointment WHERE token = $1",
                booked.getString("token")).get(0).getValue("phone_cipher")).as("erased once sent").isNull();
        assertThat(server.sql("SELECT reminder, phone_cipher FROM appointment WHERE token = $1",
                cancelled.getString("token")).get(0).getString("reminder")).as("cancelled: none, number erased")
                .isEqualTo("DROPPED");
        assertThat(TestServer.await(server.services().reminders().sendAppointmentReminders(120))).as("never twice")
                .isZero();
        assertThat(received).hasSize(sentBefore + 1);
    }
}
