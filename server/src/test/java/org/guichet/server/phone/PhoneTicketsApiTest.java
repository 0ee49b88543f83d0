package org.guichet.server.phone;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.service.PhoneTickets;
import org.guichet.server.testing.TestServer;
import org.guichet.server.view.QrSvg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Tickets taken on a visitor's own phone, without an account: as a kiosk would get them, one in progress per phone and
 * site, a limited number per address, only while the site issues, and never for a training copy.
 */
class PhoneTicketsApiTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest();

    private HttpResponse<Buffer> take(String serviceId, String phoneKey) {
        return server.post("/api/v1/public/sites/s1/tickets", null, new JsonObject().put("serviceId", serviceId)
                .put("phoneKey", phoneKey).put("language", "en"));
    }

    private static String phone(int n) {
        return "phone-key-for-tests-%06d".formatted(n);
    }

    @Test
    void a_phone_takes_a_ticket_as_a_kiosk_would_and_holds_one_in_progress_per_site() {
        JsonObject menu = ok(server.get("/api/v1/public/sites/s1/menu", null));
        assertThat(menu.getJsonObject("site").getString("name")).isEqualTo("Site Un – bâtiment A");
        assertThat(menu.getJsonObject("opening").getBoolean("issuing")).isTrue();
        assertThat(menu.getBoolean("smsReminders")).as("SMS are off by default").isFalse();
        assertThat(server.post("/api/v1/public/sites/s1/tickets", null, new JsonObject().put("serviceId", "svc-a")
                .put("phoneKey", phone(9)).put("smsPhone", "06 12 34 56 78")).bodyAsJsonObject().getString("error"))
                .isEqualTo("sms_off");

        JsonObject ticket = TestServer.status(take("svc-a", phone(1)), 201).bodyAsJsonObject();
        assertThat(ticket.getString("number")).isEqualTo("A001");
        assertThat(ticket.getString("serviceName")).isEqualTo("Service A (en)");
        assertThat(ticket.getString("statusPath")).isEqualTo("/ticket/" + ticket.getString("statusToken"));
        assertThat(ticket.getJsonObject("where").getString("room")).isEqualTo("Salle 1");
        assertThat(server.sql("SELECT issuer_device_id, language FROM ticket WHERE id = $1", ticket.getLong("id"))
                .get(0).getString("language")).isEqualTo("en");

        HttpResponse<Buffer> again = take("svc-b", phone(1));
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("phone_has_ticket");
        assertThat(again.bodyAsJsonObject().getJsonObject("current").getString("statusPath"))
                .as("the page shows the phone its ticket again").isEqualTo(ticket.getString("statusPath"));
        assertThat(take("svc-b", phone(2)).statusCode()).as("another phone").isEqualTo(201);

        String agent = server.agentAtCounter("phone.agent", "s1", "c2");
        ok(server.post("/api/v1/counters/c2/call-next", agent, null));
        ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/no-show", agent, null));
        assertThat(take("svc-b", phone(1)).statusCode()).as("once its ticket ended").isEqualTo(201);
        assertThat(server.sql("SELECT count(*) AS n FROM phone_ticket").get(0).getLong("n")).isEqualTo(3);
        assertThat(server.sql("SELECT count(*) AS n FROM phone_ticket WHERE phone_key = convert_to($1, 'UTF8')",
                phone(1)).get(0).getLong("n")).as("the key is kept hashed").isZero();
    }

    @Test
    void the_posters_qr_code_is_the_sites_phone_page_at_the_address_given_and_nothing_else() {
        HttpResponse<Buffer> svg = server.get("/api/v1/public/sites/s1/poster-qr.svg?origin="
                + "https%3A%2F%2Faccueil.example.fr", null);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.getHeader("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(svg.bodyAsString()).isEqualTo(QrSvg.svg("https://accueil.example.fr/prendre/s1"));
        for (String origin : List.of("", "javascript:alert(1)", "https%3A%2F%2Fa.fr%2Fother%2Fpath",
                "https%3A%2F%2Fa.fr%3Fq%3D1")) {
            assertThat(server.get("/api/v1/public/sites/s1/poster-qr.svg?origin=" + origin, null).statusCode())
                    .as(origin).isEqualTo(400);
        }
        assertThat(server.get("/api/v1/public/sites/nowhere/poster-qr.svg?origin=https%3A%2F%2Fa.fr", null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void an_address_taking_too_many_tickets_is_refused_with_429_and_when_to_try_again() {
        int allowed = PhoneTickets.PER_ADDRESS.burst();
        for (int i = 0; i < allowed; i++) {
            TestServer.status(take("svc-a", phone(100 + i)), 201);
        }
        HttpResponse<Buffer> refused = take("svc-a", phone(999));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("too_many_tickets");
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
        assertThat(server.sql("SELECT count(*) AS n FROM ticket").get(0).getLong("n")).isEqualTo(allowed);
    }

    @Test
    void bad_requests_closed_sites_and_training_copies_are_refused_and_nothing_is_issued() {
        for (JsonObject bad : List.of(new JsonObject().put("serviceId", "svc-a"),
                new JsonObject().put("serviceId", "svc-a").put("phoneKey", "short"),
                new JsonObject().put("serviceId", "svc-a").put("phoneKey", "has spaces in it, not a key"),
                new JsonObject().put("serviceId", "svc-a").put("phoneKey", phone(1)).put("priority", "APPOINTMENT"),
                new JsonObject().put("phoneKey", phone(1)))) {
            HttpResponse<Buffer> refused = server.post("/api/v1/public/sites/s1/tickets", null, bad);
            assertThat(refused.statusCode()).as(bad.encode()).isBetween(400, 403);
            assertThat(refused.bodyAsJsonObject().getString("message")).isNotBlank();
        }
        assertThat(take("svc-z", phone(1)).statusCode()).as("a service of another site").isEqualTo(404);
        assertThat(take("m1", phone(1)).statusCode()).as("a menu entry").isEqualTo(409);
        assertThat(server.post("/api/v1/public/sites/nowhere/tickets", null, new JsonObject()
                .put("serviceId", "svc-a").put("phoneKey", phone(1))).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/public/sites/nowhere/menu", null).statusCode()).isEqualTo(404);
        ok(server.post("/api/v1/training/sites/s1", server.agent("phone.trainee", "agent", "s1"), null));
        assertThat(server.get("/api/v1/public/sites/formation:s1/menu", null).statusCode()).isEqualTo(404);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).put("calendar", new JsonObject()
                .put("publicHolidays", "NONE").put("closures", new JsonArray().add(today + ".." + today.plusDays(1))))
                .put("openingHours", new JsonObject().put("mon", "08:30-12:00").put("tue", "08:30-12:00")
                        .put("wed", "08:30-12:00").put("thu", "08:30-12:00").put("fri", "08:30-12:00")
                        .put("sat", "08:30-12:00").put("sun", "08:30-12:00"));
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        assertThat(ok(server.get("/api/v1/public/sites/s1/menu", null)).getJsonObject("opening")
                .getBoolean("issuing")).isFalse();
        HttpResponse<Buffer> closed = take("svc-a", phone(1));
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.bodyAsJsonObject().getString("error")).isEqualTo("site_closed");
        assertThat(server.sql("SELECT count(*) AS n FROM ticket").get(0).getLong("n")).isZero();
    }
}
