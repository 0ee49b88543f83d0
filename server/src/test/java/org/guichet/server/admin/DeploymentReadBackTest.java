package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.server.config.Yaml;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** GET /admin/deployment answers what PUT takes; PUT ?dryRun=true tells what would change and writes nothing. */
class DeploymentReadBackTest {

    private static final String DEPLOYMENT = "/api/v1/admin/deployment";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** A site using every field the deployment has. */
    private static JsonObject fullSite(String id) {
        return new JsonObject().put("id", id).put("name", "Maison des services " + id).put("timeZone", "America/Cayenne")
                .put("footer", "Entrée par la cour")
                .put("openingHours", new JsonObject().put("mon", "08:30-12:00,13:30-17:00"))
                .put("calendar", new JsonObject().put("closures", new JsonArray().add("2026-12-24"))
                        .put("lastTicketMinutesBeforeClosing", 15))
                .put("callingPolicy", new JsonObject().put("ageingShare", 0.5).put("followCounterOrder", true))
                .put("rooms", new JsonArray().add(new JsonObject().put("id", id + "-hall").put("name", "Hall")))
                .put("services", new JsonArray()
                        .add(new JsonObject().put("id", id + "-menu").put("kind", "menu").put("name", "Social")
                                .put("order", 5))
                        .add(new JsonObject().put("id", id + "-rsa").put("parent", id + "-menu").put("name", "RSA")
                                .put("prefix", "R").put("room", id + "-hall").put("targetWaitMinutes", 25)
                                .put("translations", new JsonObject().put("en", "Income support")))
                        .add(new JsonObject().put("id", id + "-info").put("name", "Accueil").put("prefix", "A")
                                .put("room", id + "-hall").put("active", false))
                        .add(new JsonObject().put("id", id + "-cg").put("kind", "orientation").put("name", "Carte grise")
                                .put("orientation", new JsonObject().put("authority", "Préfecture"))))
                .put("counters", new JsonArray()
                        .add(new JsonObject().put("id", id + "-g1").put("name", "Guichet 1").put("room", id + "-hall")
                                .put("services", new JsonArray().add(id + "-info").add(id + "-rsa")))
                        .add(new JsonObject().put("id", id + "-g2").put("name", "Guichet 2").put("room", id + "-hall")
                                .put("active", false)))
                .put("devices", new JsonArray()
                        .add(new JsonObject().put("id", id + "-kiosk").put("kind", "kiosk").put("language", "es"))
                        .add(new JsonObject().put("id", id + "-screen").put("kind", "screen").put("name", "Écran")
                                .put("room", id + "-hall"))
                        .add(new JsonObject().put("id", id + "-cs").put("kind", "counter_screen")
                                .put("counter", id + "-g1")));
    }

    private static JsonObject deploymentWith(JsonObject... sites) {
        return new JsonObject().put("sites", new JsonArray(List.of((Object[]) sites)));
    }

    @Test
    void a_deployment_read_back_and_applied_again_changes_nothing() {
        JsonObject sent = deploymentWith(fullSite("rt"));
        JsonObject first = ok(server.put(DEPLOYMENT, server.adminToken(), sent));
        assertThat(first.getJsonObject("deviceTokens").fieldNames()).containsExactlyInAnyOrder("rt-kiosk",
                "rt-screen", "rt-cs");

        HttpResponse<Buffer> read = server.get(DEPLOYMENT, server.adminToken());
        JsonObject readBack = ok(read);
        assertThat(read.bodyAsString()).doesNotContain("gd_").doesNotContainIgnoringCase("token")
                .doesNotContainIgnoringCase("hash");
        JsonObject site = site(readBack, "rt");
        assertThat(site.getJsonObject("calendar")).isEqualTo(fullSite("rt").getJsonObject("calendar"));
        assertThat(site.getJsonObject("callingPolicy").getBoolean("followCounterOrder")).isTrue();
        assertThat(site.getString("timeZone")).isEqualTo("America/Cayenne");
        assertThat(site.getJsonArray("counters").getJsonObject(0).getJsonArray("services"))
                .containsExactly("rt-info", "rt-rsa");
        assertThat(site.getJsonArray("devices").stream().map(JsonObject.class::cast)
                .filter(device -> device.getString("id").equals("rt-kiosk")).findFirst().orElseThrow()
                .getString("language")).isEqualTo("es");
        assertThat(readBack.getJsonArray("sites").stream().map(s -> ((JsonObject) s).getString("id")).toList())
                .contains("s1", "s2", "rt");
        long auditRows = auditRows();

        // What was sent, and what was read, would both change nothing now.
        for (JsonObject again : List.of(sent, readBack)) {
            JsonObject dryRun = ok(server.put(DEPLOYMENT + "?dryRun=true", server.adminToken(), again));
            dryRun.getJsonArray("sites").forEach(item -> {
                JsonObject changes = (JsonObject) item;
                assertThat(changes.getJsonArray("added")).as(changes.encode()).isEmpty();
                assertThat(changes.getJsonArray("changed")).as(changes.encode()).isEmpty();
            });
        }
        JsonObject reapplied = ok(server.put(DEPLOYMENT, server.adminToken(), readBack));
        assertThat(reapplied.getJsonObject("deviceTokens")).isEmpty();
        assertThat(ok(server.get(DEPLOYMENT, server.adminToken()))).isEqualTo(readBack);
        assertThat(auditRows()).as("nothing changed, so nothing audited").isEqualTo(auditRows);
        // The tokens issued at the first apply still work: applying again issued none and revoked none.
        assertThat(server.get("/api/v1/sites/rt/menu", first.getJsonObject("deviceTokens").getString("rt-kiosk"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void yaml_is_the_configuration_file_shape_and_reads_as_the_same_deployment() {
        ok(server.put(DEPLOYMENT, server.adminToken(), deploymentWith(fullSite("yml"))));
        JsonObject json = ok(server.get(DEPLOYMENT, server.adminToken()));

        HttpResponse<Buffer> byParameter = server.get(DEPLOYMENT + "?format=yaml", server.adminToken());
        assertThat(byParameter.statusCode()).isEqualTo(200);
        assertThat(byParameter.getHeader("Content-Type")).startsWith("application/yaml");
        assertThat(byParameter.bodyAsString()).contains("sites:").contains("Maison des services yml")
                .contains("Préfecture");
        assertThat(Yaml.read(new ByteArrayInputStream(byParameter.bodyAsString().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(json);

        WebClient client = WebClient.create(server.vertx());
        try {
            HttpResponse<Buffer> byAccept = TestServer.await(client.get(server.port(), "localhost", DEPLOYMENT)
                    .bearerTokenAuthentication(server.adminToken()).putHeader("Accept", "application/yaml").send());
            assertThat(byAccept.getHeader("Content-Type")).startsWith("application/yaml");
            assertThat(byAccept.bodyAsString()).isEqualTo(byParameter.bodyAsString());
        } finally {
            client.close();
        }

        HttpResponse<Buffer> unknown = server.get(DEPLOYMENT + "?format=xml", server.adminToken());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
    }

    @Test
    void a_dry_run_tells_what_would_change_and_writes_nothing() {
        ok(server.put(DEPLOYMENT, server.adminToken(), deploymentWith(fullSite("dry"))));
        JsonObject before = ok(server.get(DEPLOYMENT, server.adminToken()));
        long auditRows = auditRows();

        JsonObject changed = fullSite("dry");
        changed.put("name", "Maison des services (renommée)");
        changed.getJsonArray("counters").getJsonObject(1).put("active", true).put("name", "Guichet deux");
        changed.getJsonArray("devices").add(new JsonObject().put("id", "dry-kiosk2").put("kind", "kiosk"));
        JsonObject dryRun = ok(server.put(DEPLOYMENT + "?dryRun=true", server.adminToken(),
                deploymentWith(changed, fullSite("dry-new"))));

        assertThat(dryRun.getBoolean("dryRun")).isTrue();
        assertThat(dryRun.containsKey("deviceTokens")).isFalse();
        JsonObject dry = dryRun.getJsonArray("sites").getJsonObject(0);
        assertThat(dry.getString("siteId")).isEqualTo("dry");
        assertThat(dry.getJsonArray("added")).containsExactly(new JsonObject().put("kind", "device")
                .put("id", "dry-kiosk2"));
        JsonArray changes = dry.getJsonArray("changed");
        assertThat(changes).hasSize(2);
        assertThat(changes.getJsonObject(0).getString("kind")).isEqualTo("site");
        assertThat(changes.getJsonObject(0).getJsonArray("fields")).containsExactly("name");
        assertThat(changes.getJsonObject(0).getJsonObject("after").getString("name"))
                .isEqualTo("Maison des services (renommée)");
        JsonObject counter = changes.getJsonObject(1);
        assertThat(counter.getString("id")).isEqualTo("dry-g2");
        assertThat(counter.getJsonArray("fields")).containsExactlyInAnyOrder("name", "active");
        assertThat(counter.getJsonObject("before").getBoolean("active")).isFalse();
        // The site itself, a room, four services, the other counter and three devices.
        assertThat(dry.getInteger("unchanged")).isEqualTo(9);
        JsonObject newSite = dryRun.getJsonArray("sites").getJsonObject(1);
        assertThat(newSite.getJsonArray("added")).hasSize(1 + 1 + 4 + 2 + 3);
        assertThat(newSite.getInteger("unchanged")).isZero();

        assertThat(ok(server.get(DEPLOYMENT, server.adminToken()))).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(auditRows);
        assertThat(server.sql("SELECT id FROM device WHERE id = 'dry-kiosk2'")).isEmpty();

        HttpResponse<Buffer> badFlag = server.put(DEPLOYMENT + "?dryRun=maybe", server.adminToken(), changed);
        assertThat(badFlag.statusCode()).isEqualTo(400);
        HttpResponse<Buffer> invalid = server.put(DEPLOYMENT + "?dryRun=true", server.adminToken(),
                deploymentWith(new JsonObject().put("id", "Bad Id").put("name", "x")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.bodyAsJsonObject().getString("message")).isNotBlank();
    }

    @Test
    void an_administrator_of_some_sites_reads_and_previews_only_those() {
        String siteAdmin = server.agent("readback.siteadmin", "admin", "s2");
        JsonObject mine = ok(server.get(DEPLOYMENT, siteAdmin));
        assertThat(mine.getJsonArray("sites").stream().map(s -> ((JsonObject) s).getString("id")).toList())
                .containsExactly("s2");
        assertThat(server.put(DEPLOYMENT + "?dryRun=true", siteAdmin, deploymentWith(fullSite("other")))
                .statusCode()).isEqualTo(403);
        String supervisor = server.agent("readback.super", "supervisor", "s1");
        assertThat(server.get(DEPLOYMENT, supervisor).statusCode()).isEqualTo(403);
        assertThat(server.get(DEPLOYMENT, null).statusCode()).isEqualTo(401);
    }

    private static JsonObject site(JsonObject deployment, String id) {
        return deployment.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static long auditRows() {
        return server.sql("SELECT count(*) AS n FROM audit_log").get(0).getLong("n");
    }
}
