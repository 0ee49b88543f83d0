package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** An administrator exports the deployment as YAML, edits it and sends it back: dry run first, then for real. */
class DeploymentYamlTest {

    private static final String DEPLOYMENT = "/api/v1/admin/deployment";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static HttpResponse<Buffer> putYaml(String query, String yaml) {
        return server.sendText(HttpMethod.PUT, DEPLOYMENT + query, server.adminToken(), "application/yaml", yaml);
    }

    private static String export() {
        HttpResponse<Buffer> exported = server.get(DEPLOYMENT + "?format=yaml", server.adminToken());
        assertThat(exported.statusCode()).isEqualTo(200);
        return exported.bodyAsString();
    }

    @Test
    void an_exported_file_edited_is_previewed_then_applied() {
        String edited = export().replace("name: Site Deux", "name: Site Deux – rénové");

        JsonObject preview = ok(putYaml("?dryRun=true", edited));
        JsonObject applied = ok(putYaml("", edited));

        JsonArray sites = preview.getJsonArray("sites");
        JsonObject s2 = sites.stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("siteId").equals("s2")).findFirst().orElseThrow();
        assertThat(s2.getJsonArray("changed").getJsonObject(0).getJsonObject("after").getString("name"))
                .isEqualTo("Site Deux – rénové");
        assertThat(applied.getBoolean("applied")).isTrue();
        assertThat(ok(server.get("/api/v1/sites/s2", server.adminToken())).getString("name"))
                .isEqualTo("Site Deux – rénové");
    }

    @Test
    void a_whole_configuration_file_is_taken_by_its_deployment_block_and_unquoted_dates_stay_dates() {
        String config = """
                http:
                  port: 8080
                deployment:
                  sites:
                    - id: s9
                      name: Site Neuf
                      openingHours: { mon: "08:30-12:00" }
                      calendar:
                        closures: [2026-12-24]
                        specialHours: { 2026-12-31: "08:30-11:00" }
                """;

        ok(putYaml("", config));

        JsonObject s9 = ok(server.get("/api/v1/sites/s9", server.adminToken()));
        assertThat(s9.getJsonObject("calendar").getJsonArray("closures")).containsExactly("2026-12-24");
        assertThat(s9.getJsonObject("calendar").getJsonObject("specialHours").getString("2026-12-31"))
                .isEqualTo("08:30-11:00");
    }

    @Test
    void a_field_left_empty_means_the_same_as_one_left_out() {
        String yaml = """
                sites:
                  - id: s8
                    name: Site Huit
                    footer:
                    openingHours:
                    calendar:
                    rooms:
                      - { id: r8, name: Salle }
                    services:
                      - { id: svc, name: Service, prefix: H, room: r8, translations: }
                """;

        ok(putYaml("", yaml));

        JsonObject s8 = ok(server.get("/api/v1/sites/s8", server.adminToken()));
        assertThat(s8.getJsonObject("openingHours")).isEmpty();
        assertThat(s8.getValue("footer")).isNull();
        assertThat(ok(putYaml("?dryRun=true", yaml)).getJsonArray("sites").getJsonObject(0).getJsonArray("changed"))
                .isEmpty();
    }

    @Test
    void yaml_that_cannot_be_read_is_refused_with_its_line_and_nothing_changes() {
        HttpResponse<Buffer> refused = putYaml("", "sites:\n  - id: s1\n    name: [unclosed\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
        assertThat(refused.bodyAsJsonObject().getString("message")).startsWith("The YAML could not be read")
                .contains("line");
        assertThat(ok(server.get("/api/v1/sites/s1", server.adminToken())).getString("name"))
                .isEqualTo("Site Un – bâtiment A");
    }

    @Test
    void a_deployment_larger_than_other_requests_may_be_is_accepted() {
        JsonObject deployment = TestServer.deployment();
        JsonObject s2 = deployment.getJsonArray("sites").getJsonObject(1);
        // 1,000 rooms with 400 characters of directions each, about 450 KB: over the 256 KB other requests may carry.
        for (int i = 0; i < 1000; i++) {
            s2.getJsonArray("rooms").add(new JsonObject().put("id", "salle-" + i).put("name", "Salle " + i)
                    .put("directions", "x".repeat(400)));
        }

        HttpResponse<Buffer> applied = server.put(DEPLOYMENT + "?dryRun=true", server.adminToken(), deployment);

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(server.post("/api/v1/auth/login", null, new JsonObject().put("username", "admin")
                .put("password", "x".repeat(300 * 1024))).statusCode()).isEqualTo(413);
    }
}
