package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** One site, and one room, counter or service of it, changed on its own over the revision read. */
class SiteEditorTest {

    private static final String SITES = "/api/v1/admin/sites/";

    @RegisterExtension
    static final TestServer server = TestServer.perTest();

    private static int revision(String siteId) {
        return ok(server.get(SITES + siteId, server.adminToken())).getInteger("revision");
    }

    @Test
    void a_room_then_a_counter_in_it_are_added_and_an_edit_over_an_older_revision_is_refused() {
        int read = revision("s1");

        ok(server.put(SITES + "s1/rooms/salle-b", server.adminToken(), new JsonObject().put("name", "Salle B")
                .put("building", "Bâtiment B").put("floor", "1er étage").put("revision", read)));
        HttpResponse<Buffer> stale = server.put(SITES + "s1/rooms/salle-b", server.adminToken(),
                new JsonObject().put("name", "Salle B bis").put("revision", read));
        ok(server.put(SITES + "s1/counters/c9", server.adminToken(), new JsonObject().put("name", "Guichet 9")
                .put("room", "salle-b").put("services", new JsonArray().add("svc-a")).put("revision", read + 1)));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.bodyAsJsonObject().getString("error")).isEqualTo("stale");
        JsonObject layout = ok(server.get("/api/v1/sites/s1", server.adminToken()));
        JsonObject room = layout.getJsonArray("rooms").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("id").equals("salle-b")).findFirst().orElseThrow();
        assertThat(room.getString("name")).isEqualTo("Salle B");
        assertThat(room.getString("building")).isEqualTo("Bâtiment B");
        assertThat(layout.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals("c9")).findFirst().orElseThrow().getString("roomId"))
                .isEqualTo("salle-b");
        assertThat(revision("s1")).isEqualTo(read + 2);
    }

    @Test
    void a_service_is_archived_on_its_own_and_leaves_the_kiosk_menu() {
        JsonObject site = ok(server.get(SITES + "s1", server.adminToken()));
        JsonObject service = site.getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("id").equals("svc-b")).findFirst().orElseThrow().copy();
        service.remove("id");

        ok(server.put(SITES + "s1/services/svc-b", server.adminToken(), service.put("active", false)
                .put("revision", site.getInteger("revision"))));

        JsonObject menu = ok(server.get("/api/v1/sites/s1/menu", server.tokenOf("kiosk-1")));
        assertThat(menu.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("id")).toList())
                .doesNotContain("svc-b").contains("svc-a");
    }

    @Test
    void a_new_site_needs_no_revision_an_existing_one_does_and_scopes_and_parts_are_checked() {
        ok(server.put(SITES + "s7", server.adminToken(), new JsonObject().put("name", "Site Sept")
                .put("timeZone", "Europe/Paris")));
        assertThat(ok(server.get("/api/v1/sites/s7", server.adminToken())).getString("name")).isEqualTo("Site Sept");

        HttpResponse<Buffer> noRevision = server.put(SITES + "s7", server.adminToken(),
                new JsonObject().put("name", "Site Sept bis"));
        assertThat(noRevision.statusCode()).isEqualTo(400);
        assertThat(noRevision.bodyAsJsonObject().getString("message")).contains("revision");
        String siteTwoAdmin = server.agent("editor.s2", "admin", "s2");
        assertThat(server.get(SITES + "s1", siteTwoAdmin).statusCode()).isEqualTo(403);
        assertThat(server.put(SITES + "s1/rooms/x", siteTwoAdmin, new JsonObject().put("name", "X")
                .put("revision", 1)).statusCode()).isEqualTo(403);
        assertThat(server.put(SITES + "s1/kitchens/x", server.adminToken(), new JsonObject().put("name", "X")
                .put("revision", revision("s1"))).statusCode()).isEqualTo(404);
        assertThat(server.put(SITES + "s1/rooms/Bad%20Code", server.adminToken(), new JsonObject().put("name", "X")
                .put("revision", revision("s1"))).statusCode()).isEqualTo(400);
        assertThat(server.get(SITES + "nowhere", server.adminToken()).statusCode()).isEqualTo(404);
    }
}
