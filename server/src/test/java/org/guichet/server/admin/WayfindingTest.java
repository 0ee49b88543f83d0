package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** A site's address, each room's building, floor, directions and their translations, and a room's plan. */
class WayfindingTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonObject withWayfinding() {
        JsonObject deployment = TestServer.deployment();
        JsonObject s1 = deployment.getJsonArray("sites").getJsonObject(0).put("address", "1 rue de la Paix, Albi");
        s1.getJsonArray("rooms").getJsonObject(1).put("building", "Bâtiment B").put("floor", "1er étage")
                .put("directions", "Suivre la ligne verte")
                .put("translations", new JsonObject().put("en", new JsonObject().put("name", "Room 1 bis")
                        .put("directions", "Follow the green line")));
        return deployment;
    }

    @BeforeAll
    static void declareWayfinding() {
        ok(server.put("/api/v1/admin/deployment", server.adminToken(), withWayfinding()));
    }

    @Test
    void rooms_say_where_they_are_to_agents_screens_and_the_read_back() {
        JsonObject site = ok(server.get("/api/v1/sites/s1", server.adminToken()));
        JsonObject room = site.getJsonArray("rooms").getJsonObject(1);
        assertThat(site.getString("address")).isEqualTo("1 rue de la Paix, Albi");
        assertThat(room.getString("building")).isEqualTo("Bâtiment B");
        assertThat(room.getString("floor")).isEqualTo("1er étage");
        assertThat(room.getString("directions")).isEqualTo("Suivre la ligne verte");
        assertThat(room.getJsonObject("translations").getJsonObject("en").getString("directions"))
                .isEqualTo("Follow the green line");

        JsonObject display = ok(server.get("/api/v1/rooms/r1b/display", server.tokenOf("screen-1b")));
        assertThat(display.getJsonObject("room").getString("building")).isEqualTo("Bâtiment B");

        JsonObject readBack = ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        assertThat(readBack.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(1)
                .getString("directions")).isEqualTo("Suivre la ligne verte");
        JsonObject dryRun = ok(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(),
                withWayfinding()));
        assertThat(dryRun.getJsonArray("sites").getJsonObject(0).getJsonArray("changed")).isEmpty();
    }

    @Test
    void a_ticket_says_where_to_wait_in_its_language_and_after_a_transfer_where_to_go_next() {
        String kiosk = server.deviceToken("kiosk-1");
        JsonObject direct = TestServer.status(server.post("/api/v1/tickets", kiosk, new JsonObject()
                .put("serviceId", "svc-c").put("language", "en")), 201).bodyAsJsonObject();
        assertThat(direct.getJsonObject("where")).isEqualTo(new JsonObject().put("roomId", "r1b")
                .put("room", "Room 1 bis").put("building", "Bâtiment B").put("floor", "1er étage")
                .put("directions", "Follow the green line"));

        JsonObject ticket = TestServer.status(server.post("/api/v1/tickets", kiosk, new JsonObject()
                .put("serviceId", "svc-b").put("language", "en")), 201).bodyAsJsonObject();
        JsonObject first = ok(server.get("/api/v1/public/tickets/" + ticket.getString("statusToken"), null));
        assertThat(first.getJsonObject("where").getString("room")).isEqualTo("Salle 1");
        assertThat(first.getJsonObject("where").getString("building")).isNull();

        String agent = server.agentAtCounter("wayfinding.agent", "s1", "c1");
        long id = ticket.getLong("id");
        ok(server.post("/api/v1/tickets/" + id + "/call", agent, new JsonObject().put("counterId", "c1")));
        ok(server.post("/api/v1/tickets/" + id + "/start", agent, null));
        JsonObject successor = ok(server.post("/api/v1/tickets/" + id + "/transfer", agent,
                new JsonObject().put("serviceId", "svc-c")));
        assertThat(successor.getJsonObject("where").getString("building")).as("for the agent, as configured")
                .isEqualTo("Bâtiment B");
        assertThat(successor.getJsonObject("where").getString("directions")).isEqualTo("Suivre la ligne verte");
        JsonObject next = ok(server.get("/api/v1/public/tickets/" + ticket.getString("statusToken"), null));
        assertThat(next.getJsonObject("where")).as("the visitor's page, in the ticket's language")
                .isEqualTo(direct.getJsonObject("where"));
    }

    @Test
    void translations_in_other_languages_or_fields_and_overlong_directions_are_refused() {
        JsonObject german = withWayfinding();
        german.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(0)
                .put("translations", new JsonObject().put("de", new JsonObject().put("name", "Raum")));
        JsonObject overlong = withWayfinding();
        overlong.getJsonArray("sites").getJsonObject(0).getJsonArray("rooms").getJsonObject(0)
                .put("directions", "x".repeat(501));

        HttpResponse<Buffer> refusedGerman = server.put("/api/v1/admin/deployment", server.adminToken(), german);
        HttpResponse<Buffer> refusedLong = server.put("/api/v1/admin/deployment", server.adminToken(), overlong);

        assertThat(refusedGerman.statusCode()).isEqualTo(400);
        assertThat(refusedGerman.bodyAsJsonObject().getString("message")).contains("room r1").contains("fr, en, es, oc");
        assertThat(refusedLong.statusCode()).isEqualTo(400);
        assertThat(refusedLong.bodyAsJsonObject().getString("message"))
                .isEqualTo("room r1: 'directions' must be text of at most 500 characters.");
    }

    @Test
    void an_administrator_sets_a_rooms_plan_visitors_read_it_and_only_images_are_taken() throws IOException {
        byte[] png = png();
        String siteTwoAdmin = server.agent("plan.admin.s2", "admin", "s2");
        String supervisor = server.agent("plan.supervisor", "supervisor", "s1");

        assertThat(putPlan("r1b", server.adminToken(), "image/png", png).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> read = server.get("/api/v1/public/rooms/r1b/plan", null);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat(read.body().getBytes()).isEqualTo(png);
        HttpResponse<Buffer> svg = putPlan("r1b", server.adminToken(), "image/png",
                "<svg onload='alert(1)'/>".getBytes());
        assertThat(svg.statusCode()).isEqualTo(400);
        assertThat(svg.bodyAsJsonObject().getString("message")).isEqualTo("A plan must be a PNG or JPEG image.");
        assertThat(putPlan("r1b", siteTwoAdmin, "image/png", png).statusCode()).isEqualTo(403);
        assertThat(putPlan("r1b", supervisor, "image/png", png).statusCode()).isEqualTo(403);
        assertThat(putPlan("nowhere", server.adminToken(), "image/png", png).statusCode()).isEqualTo(404);
        assertThat(server.sql("SELECT count(*) FROM audit_log WHERE action = 'room.plan_set' "
                + "AND after ->> 'bytes' = $1", String.valueOf(png.length)).get(0).getLong(0)).isEqualTo(1);

        byte[] other = png();
        other[other.length - 1] ^= 1;
        assertThat(server.sendBytes(HttpMethod.PUT, "/api/v1/admin/sites/s1/rooms/r1b/plan", server.adminToken(),
                "image/png", other).statusCode()).as("by the room's code in its site").isEqualTo(200);
        assertThat(server.get("/api/v1/public/rooms/r1b/plan", null).body().getBytes()).isEqualTo(other);
        assertThat(server.sendBytes(HttpMethod.PUT, "/api/v1/admin/sites/s1/rooms/nowhere/plan", server.adminToken(),
                "image/png", other).statusCode()).isEqualTo(404);

        ok(server.send(HttpMethod.DELETE, "/api/v1/admin/rooms/r1b/plan", server.adminToken(), null));
        assertThat(server.get("/api/v1/public/rooms/r1b/plan", null).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/public/rooms/r1/plan", null).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<Buffer> putPlan(String room, String token, String type, byte[] image) {
        return server.sendBytes(HttpMethod.PUT, "/api/v1/admin/rooms/" + room + "/plan", token, type, image);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
