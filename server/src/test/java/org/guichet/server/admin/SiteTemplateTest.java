package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Site s1 saved as the template "model"; sites made from it with a few fields; a change to the template pushed to
 * them after a dry run; two administrators never overwrite each other's change.
 */
class SiteTemplateTest {

    private static final String TEMPLATES = "/api/v1/admin/templates";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static JsonObject college;

    @BeforeAll
    static void saveAndUse() {
        created(server.post(TEMPLATES, server.adminToken(), new JsonObject().put("id", "model").put("name", "Modèle")
                .put("fromSite", "s1")));
        college = created(server.post(TEMPLATES + "/model/sites", server.adminToken(), new JsonObject()
                .put("id", "college-1").put("name", "Collège Jean Jaurès").put("address", "2 rue des Écoles")
                .put("timeZone", "Europe/Paris")));
    }

    private static JsonObject created(HttpResponse<Buffer> response) {
        return TestServer.status(response, 201).bodyAsJsonObject();
    }

    @Test
    void a_site_made_from_a_template_has_its_rooms_services_counters_and_devices_with_tokens() {
        assertThat(college.getJsonObject("deviceTokens").fieldNames()).containsExactlyInAnyOrder(
                "college-1:kiosk-1", "college-1:screen-1", "college-1:screen-1b", "college-1:cscreen-1");
        JsonObject site = ok(server.get("/api/v1/sites/college-1", server.adminToken()));
        assertThat(site.getString("name")).isEqualTo("Collège Jean Jaurès");
        assertThat(site.getString("address")).isEqualTo("2 rue des Écoles");
        assertThat(site.getJsonArray("counters")).hasSize(3);
        String kiosk = college.getJsonObject("deviceTokens").getString("college-1:kiosk-1");
        JsonObject menu = ok(server.get("/api/v1/sites/college-1/menu", kiosk));
        assertThat(menu.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("id")).toList())
                .contains("college-1:svc-a", "college-1:svc-b", "college-1:m1", "college-1:o1");
        JsonObject template = ok(server.get(TEMPLATES + "/model", server.adminToken()));
        assertThat(template.getJsonArray("siteIds")).containsExactly("college-1");
        assertThat(template.getJsonObject("body").containsKey("name")).as("a site's own field").isFalse();
        JsonObject readBack = ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        assertThat(readBack.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("id").equals("college-1")).findFirst().orElseThrow().getString("template"))
                .isEqualTo("model");
    }

    @Test
    void a_change_to_the_template_is_shown_then_pushed_to_its_sites_which_keep_their_own_fields() {
        JsonObject template = ok(server.get(TEMPLATES + "/model", server.adminToken()));
        JsonObject body = template.getJsonObject("body");
        body.getJsonArray("services").add(new JsonObject().put("id", "svc-new").put("name", "Nouveau service")
                .put("prefix", "N").put("room", "r1"));
        body.put("openingHours", new JsonObject().put("mon", "08:30-12:00"));
        ok(server.put(TEMPLATES + "/model", server.adminToken(), new JsonObject().put("name", "Modèle v2")
                .put("body", body).put("version", template.getInteger("version"))));

        JsonObject preview = ok(server.post(TEMPLATES + "/model/push?dryRun=true", server.adminToken(), null));
        assertThat(preview.getJsonArray("siteIds")).containsExactly("college-1");
        JsonObject changes = preview.getJsonArray("sites").getJsonObject(0);
        assertThat(changes.getJsonArray("added").getJsonObject(0))
                .isEqualTo(new JsonObject().put("kind", "service").put("id", "svc-new"));
        assertThat(changes.getJsonArray("changed").getJsonObject(0).getJsonArray("fields"))
                .containsExactly("openingHours");
        assertThat(server.sql("SELECT count(*) FROM service WHERE site_id = 'college-1'").get(0).getLong(0))
                .as("a dry run writes nothing").isEqualTo(5);

        ok(server.post(TEMPLATES + "/model/push", server.adminToken(), null));

        JsonObject site = ok(server.get("/api/v1/sites/college-1", server.adminToken()));
        assertThat(site.getString("name")).isEqualTo("Collège Jean Jaurès");
        assertThat(site.getJsonObject("openingHours").getString("mon")).isEqualTo("08:30-12:00");
        // No other site has a service svc-new: its key is its code.
        assertThat(site.getJsonArray("services").stream().map(s -> ((JsonObject) s).getString("id")).toList())
                .contains("svc-new");
        assertThat(ok(server.get("/api/v1/sites/s1", server.adminToken())).getJsonObject("openingHours"))
                .as("the site the template was saved from was not made from it").isEmpty();
    }

    @Test
    void two_administrators_editing_the_same_template_never_overwrite_each_other_silently() {
        created(server.post(TEMPLATES, server.adminToken(), new JsonObject().put("id", "shared")
                .put("name", "Partagé").put("fromSite", "s2")));
        JsonObject read = ok(server.get(TEMPLATES + "/shared", server.adminToken()));
        int version = read.getInteger("version");
        ok(server.put(TEMPLATES + "/shared", server.adminToken(), new JsonObject().put("name", "First")
                .put("body", read.getJsonObject("body")).put("version", version)));

        HttpResponse<Buffer> second = server.put(TEMPLATES + "/shared", server.adminToken(), new JsonObject()
                .put("name", "Second").put("body", read.getJsonObject("body")).put("version", version));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.bodyAsJsonObject().getString("error")).isEqualTo("stale");
        assertThat(ok(server.get(TEMPLATES + "/shared", server.adminToken())).getString("name")).isEqualTo("First");
    }

    @Test
    void only_network_administrators_handle_templates_and_bad_requests_are_refused() {
        String siteAdmin = server.agent("template.site.admin", "admin", "s1");
        assertThat(server.get(TEMPLATES, siteAdmin).statusCode()).isEqualTo(403);
        assertThat(server.post(TEMPLATES + "/model/sites", siteAdmin, new JsonObject().put("id", "x")
                .put("name", "X")).statusCode()).isEqualTo(403);

        assertThat(server.post(TEMPLATES + "/model/sites", server.adminToken(), new JsonObject().put("id", "s2")
                .put("name", "Again")).bodyAsJsonObject().getString("error")).isEqualTo("site_exists");
        assertThat(server.post(TEMPLATES, server.adminToken(), new JsonObject().put("id", "model").put("name", "M")
                .put("fromSite", "s1")).bodyAsJsonObject().getString("error")).isEqualTo("template_exists");
        assertThat(server.post(TEMPLATES, server.adminToken(), new JsonObject().put("id", "t9").put("name", "M")
                .put("fromSite", "nowhere")).statusCode()).isEqualTo(404);
        assertThat(server.get(TEMPLATES + "/nothing", server.adminToken()).statusCode()).isEqualTo(404);
        JsonObject broken = new JsonObject().put("rooms", new JsonArray().add(new JsonObject().put("id", "R!")));
        HttpResponse<Buffer> refused = server.put(TEMPLATES + "/model", server.adminToken(), new JsonObject()
                .put("name", "M").put("body", broken).put("version", 1));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(server.sql("SELECT action FROM audit_log WHERE entity_kind = 'template' ORDER BY id").stream()
                .map(row -> row.getString(0)).toList()).containsSubsequence(List.of("template.create"));
    }
}
