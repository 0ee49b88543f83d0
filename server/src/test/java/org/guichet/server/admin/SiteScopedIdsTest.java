package org.guichet.server.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A site made from the same model as s1 declares the same codes (rooms, services, counters, devices): it gets its own
 * entities, keyed "s3:code", and its tickets, calls and statistics stay apart from s1's.
 */
class SiteScopedIdsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    private static JsonObject applied;

    /** Site s3: s1's rooms, services, counters and devices under the same codes. */
    private static JsonObject copyOfS1() {
        JsonObject deployment = TestServer.deployment();
        JsonObject s1 = deployment.getJsonArray("sites").getJsonObject(0);
        JsonObject s3 = s1.copy().put("id", "s3").put("name", "Site Trois");
        return new JsonObject().put("sites", new JsonArray().add(s3));
    }

    @BeforeAll
    static void addASiteWithTheSameCodes() {
        applied = ok(server.put("/api/v1/admin/deployment", server.adminToken(), copyOfS1()));
    }

    @Test
    void the_new_sites_devices_get_tokens_under_their_site_scoped_keys() {
        assertThat(applied.getJsonObject("deviceTokens").fieldNames())
                .containsExactlyInAnyOrder("s3:kiosk-1", "s3:screen-1", "s3:screen-1b", "s3:cscreen-1");
        JsonObject s3 = ok(server.get("/api/v1/sites/s3", server.adminToken()));
        assertThat(s3.getJsonArray("services").stream().map(s -> ((JsonObject) s).getString("id")).toList())
                .contains("s3:svc-a", "s3:svc-b", "s3:m1", "s3:svc-c", "s3:o1");
        JsonObject c1 = s3.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(counter -> counter.getString("id").equals("s3:c1")).findFirst().orElseThrow();
        assertThat(c1.getJsonArray("serviceIds")).containsExactly("s3:svc-a", "s3:svc-b");
        assertThat(c1.getString("roomId")).isEqualTo("s3:r1");
    }

    @Test
    void tickets_calls_and_statistics_of_the_two_sites_stay_apart() {
        String s3Kiosk = applied.getJsonObject("deviceTokens").getString("s3:kiosk-1");
        JsonObject inS3 = server.issue(s3Kiosk, "s3:svc-a");
        JsonObject inS1 = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        assertThat(server.post("/api/v1/tickets", s3Kiosk, new JsonObject().put("serviceId", "svc-a")).statusCode())
                .as("a kiosk of s3 cannot issue for s1's service").isEqualTo(403);

        String s3Agent = server.agentAtCounter("s3.agent", "s3", "s3:c1");
        JsonObject called = ok(server.post("/api/v1/counters/s3:c1/call-next", s3Agent, null));

        assertThat(called.getLong("id")).isEqualTo(inS3.getLong("id"));
        assertThat(called.getString("serviceId")).isEqualTo("s3:svc-a");
        assertThat(server.sql("SELECT status FROM ticket WHERE id = $1", inS1.getLong("id")).get(0).getString(0))
                .isEqualTo("WAITING");
        String day = "from=" + LocalDate.now(ZoneId.of("Europe/Paris")) + "&to=" + LocalDate.now(ZoneId.of("Europe/Paris"));
        Map<String, Long> s3Issued = issuedByService(server.get("/api/v1/stats/breakdown?siteId=s3&by=service&" + day,
                server.adminToken()).bodyAsJsonObject());
        Map<String, Long> s1Issued = issuedByService(server.get("/api/v1/stats/breakdown?siteId=s1&by=service&" + day,
                server.adminToken()).bodyAsJsonObject());
        assertThat(s3Issued).containsEntry("s3:svc-a", 1L).doesNotContainKey("svc-a");
        assertThat(s1Issued).containsEntry("svc-a", 1L).doesNotContainKey("s3:svc-a");
    }

    private static Map<String, Long> issuedByService(JsonObject breakdown) {
        Map<String, Long> issued = new HashMap<>();
        breakdown.getJsonArray("rows").forEach(row -> issued.put(((JsonObject) row).getString("key"),
                ((JsonObject) row).getLong("issued")));
        return issued;
    }

    @Test
    void reading_the_deployment_back_gives_the_codes_and_applying_it_again_changes_nothing() {
        JsonObject readBack = ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        JsonObject s3 = readBack.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("id").equals("s3")).findFirst().orElseThrow();
        JsonObject s1 = readBack.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("id").equals("s1")).findFirst().orElseThrow();

        for (String part : List.of("rooms", "services", "counters", "devices")) {
            assertThat(s3.getJsonArray(part)).as(part).isEqualTo(s1.getJsonArray(part));
        }
        JsonObject dryRun = ok(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(), copyOfS1()));
        JsonObject changes = dryRun.getJsonArray("sites").getJsonObject(0);
        assertThat(changes.getJsonArray("added")).isEmpty();
        assertThat(changes.getJsonArray("changed")).isEmpty();
        JsonObject reapplied = ok(server.put("/api/v1/admin/deployment", server.adminToken(), copyOfS1()));
        assertThat(reapplied.getJsonObject("deviceTokens")).isEmpty();
        assertThat(server.sql("SELECT count(*) FROM service WHERE site_id = 's3'").get(0).getLong(0)).isEqualTo(5);
    }

    @Test
    void a_code_declared_twice_in_one_site_is_refused_but_two_sites_may_share_it() {
        JsonObject twice = copyOfS1();
        JsonObject site = twice.getJsonArray("sites").getJsonObject(0);
        site.getJsonArray("rooms").add(new JsonObject().put("id", "r1").put("name", "Again"));

        var refused = server.put("/api/v1/admin/deployment", server.adminToken(), twice);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("message"))
                .isEqualTo("Site 's3': id 'r1' is declared twice in rooms.");
    }
}
