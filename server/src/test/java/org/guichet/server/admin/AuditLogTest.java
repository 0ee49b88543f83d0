package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Every administrative change leaves an entry, with who, from where, before and after, and never a secret. */
class AuditLogTest {

    private static final String AUDIT = "/api/v1/admin/audit";

    @RegisterExtension
    final TestServer server = TestServer.perTest();

    @Test
    void every_administrative_change_is_audited_and_no_secret_is_kept() {
        List<String> secrets = new ArrayList<>(List.of(TestServer.ADMIN_PASSWORD, server.adminToken()));
        String password = "first-password-of-marie";
        String newPassword = "second-password-of-marie";
        secrets.addAll(List.of(password, newPassword));

        JsonObject agent = TestServer.status(server.post("/api/v1/admin/agents", server.adminToken(), new JsonObject()
                .put("username", "marie").put("displayName", "Marie").put("password", password).put("role", "agent")
                .put("siteIds", new JsonArray().add("s1"))), 201).bodyAsJsonObject();
        String agentId = String.valueOf(agent.getLong("id"));
        secrets.add(server.login("marie", password));
        assertThat(server.post("/api/v1/admin/agents/" + agentId + "/password", server.adminToken(),
                new JsonObject().put("password", newPassword)).statusCode()).isEqualTo(204);
        String deviceToken = server.deviceToken("kiosk-1");
        secrets.add(deviceToken);
        assertThat(server.post("/api/v1/admin/devices/kiosk-1/revoke", server.adminToken(), null).statusCode())
                .isEqualTo(204);
        JsonObject deployment = TestServer.deployment();
        JsonObject s1 = deployment.getJsonArray("sites").getJsonObject(0);
        s1.getJsonArray("counters").getJsonObject(1).put("name", "Guichet deux");
        s1.getJsonArray("devices").add(new JsonObject().put("id", "kiosk-audit").put("kind", "kiosk"));
        JsonObject applied = ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        secrets.add(applied.getJsonObject("deviceTokens").getString("kiosk-audit"));

        JsonArray entries = ok(server.get(AUDIT + "?actor=admin", server.adminToken())).getJsonArray("entries");
        List<String> actions = entries.stream().map(e -> ((JsonObject) e).getString("action") + " "
                + ((JsonObject) e).getJsonObject("entity").getString("kind") + ":"
                + ((JsonObject) e).getJsonObject("entity").getString("id")).toList();
        assertThat(actions).containsExactly(
                "device.token_issue device:kiosk-audit",
                "deployment.apply counter:c2",
                "deployment.apply device:kiosk-audit",
                "device.revoke device:kiosk-1",
                "device.token_issue device:kiosk-1",
                "agent.password_reset agent:" + agentId,
                "agent.create agent:" + agentId);

        JsonObject counter = entries.getJsonObject(1);
        assertThat(counter.getString("siteId")).isEqualTo("s1");
        assertThat(counter.getJsonObject("before").getString("name")).isEqualTo("Guichet 2");
        assertThat(counter.getJsonObject("after").getString("name")).isEqualTo("Guichet deux");
        assertThat(counter.getJsonObject("after").getJsonArray("services")).containsExactly("svc-a");
        JsonObject actor = counter.getJsonObject("actor");
        assertThat(actor.getString("username")).isEqualTo("admin");
        assertThat(actor.getLong("agentId")).isNotNull();
        assertThat(actor.getString("address")).isEqualTo("127.0.0.1");
        JsonObject created = entries.getJsonObject(6);
        assertThat(created.getValue("before")).isNull();
        assertThat(created.getJsonObject("after")).isEqualTo(new JsonObject().put("username", "marie")
                .put("displayName", "Marie").put("role", "agent").put("siteIds", new JsonArray().add("s1"))
                .put("active", true));
        assertThat(entries.getJsonObject(3).getJsonObject("after").getBoolean("revoked")).isTrue();
        Instant at = Instant.parse(created.getString("at"));
        assertThat(at).isBetween(Instant.now().minusSeconds(60), Instant.now());

        // The configuration file applied at start is audited as the server's own change.
        assertThat(ok(server.get(AUDIT + "?actor=system:configuration&entity=site:s1", server.adminToken()))
                .getJsonArray("entries")).hasSize(1);

        List<String> stored = new ArrayList<>();
        server.sql("SELECT a::text AS entry FROM audit_log a").forEach(row -> stored.add(row.getString("entry")));
        assertThat(stored).hasSizeGreaterThan(10);
        secrets.forEach(secret -> assertThat(stored).as("no row holds " + secret)
                .noneMatch(entry -> entry.contains(secret)));
        assertThat(stored).noneMatch(entry -> entry.contains("gd_") || entry.contains("gs_"));
        String hash = server.sql("SELECT password_hash FROM agent WHERE username = 'marie'").get(0)
                .getString("password_hash");
        assertThat(stored).noneMatch(entry -> entry.contains(hash));
    }

    @Test
    void a_refused_change_leaves_no_entry() {
        String body = new JsonObject().put("username", "taken").put("password", "a-long-enough-password")
                .put("role", "agent").put("siteIds", new JsonArray().add("s1")).encode();
        TestServer.status(server.post("/api/v1/admin/agents", server.adminToken(), body), 201);
        long before = count();
        assertThat(server.post("/api/v1/admin/agents", server.adminToken(), body).statusCode()).isEqualTo(409);
        assertThat(server.post("/api/v1/admin/devices/no-such/revoke", server.adminToken(), null).statusCode())
                .isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void filters_and_pages() {
        // The server gave the test deployment's devices their tokens at start; these are the administrator's.
        for (String device : List.of("kiosk-1", "screen-1", "kiosk-2", "screen-2", "screen-1b")) {
            server.deviceToken(device);
        }
        JsonObject page1 = ok(server.get(AUDIT + "?actor=admin&action=device.token_issue&limit=2", server.adminToken()));
        assertThat(ids(page1, "entity")).containsExactly("screen-1b", "screen-2");
        JsonObject page2 = ok(server.get(AUDIT + "?actor=admin&action=device.token_issue&limit=2&before="
                + page1.getLong("nextBefore"), server.adminToken()));
        assertThat(ids(page2, "entity")).containsExactly("kiosk-2", "screen-1");
        JsonObject page3 = ok(server.get(AUDIT + "?actor=admin&action=device.token_issue&limit=2&before="
                + page2.getLong("nextBefore"), server.adminToken()));
        assertThat(ids(page3, "entity")).containsExactly("kiosk-1");
        assertThat(page3.getValue("nextBefore")).isNull();

        assertThat(ids(ok(server.get(AUDIT + "?actor=admin&action=device.token_issue&siteId=s2", server.adminToken())),
                "entity")).containsExactly("screen-2", "kiosk-2");
        assertThat(ids(ok(server.get(AUDIT + "?actor=admin&entity=device:kiosk-1", server.adminToken())), "entity"))
                .containsExactly("kiosk-1");

        server.sql("UPDATE audit_log SET at = '2025-01-10T10:00:00Z' WHERE entity_id = 'kiosk-1'");
        assertThat(ids(ok(server.get(AUDIT + "?actor=admin&action=device.token_issue&from=2025-01-10T10:00:00Z"
                + "&to=2025-01-10T10:00:01Z", server.adminToken())), "entity")).containsExactly("kiosk-1");
        assertThat(ids(ok(server.get(AUDIT + "?actor=admin&action=device.token_issue&to=2025-01-10T10:00:00Z",
                server.adminToken())), "entity")).isEmpty();
    }

    @Test
    void only_administrators_read_it_and_an_administrator_of_some_sites_only_theirs() {
        server.deviceToken("kiosk-1");
        server.deviceToken("kiosk-2");
        String supervisor = server.agent("audit.super", "supervisor", "s1");
        assertThat(server.get(AUDIT, supervisor).statusCode()).isEqualTo(403);
        assertThat(server.get(AUDIT, server.tokenOf("screen-1")).statusCode()).isEqualTo(403);
        assertThat(server.get(AUDIT, null).statusCode()).isEqualTo(401);

        String siteAdmin = server.agent("audit.s2admin", "admin", "s2");
        JsonArray seen = ok(server.get(AUDIT + "?limit=500", siteAdmin)).getJsonArray("entries");
        assertThat(seen).isNotEmpty();
        assertThat(seen.stream().map(e -> ((JsonObject) e).getString("siteId")).distinct().toList())
                .containsExactly("s2");
        HttpResponse<Buffer> otherSite = server.get(AUDIT + "?siteId=s1", siteAdmin);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");
    }

    @Test
    void bad_filters_are_400_with_a_message() {
        for (String query : List.of("from=yesterday", "to=2026-01-01", "limit=0", "limit=501", "limit=many",
                "before=x", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            HttpResponse<Buffer> response = server.get(AUDIT + "?" + query, server.adminToken());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("error")).as(query).isEqualTo("bad_request");
            assertThat(response.bodyAsJsonObject().getString("message")).as(query).isNotBlank();
        }
    }

    private static List<String> ids(JsonObject page, String field) {
        return page.getJsonArray("entries").stream()
                .map(e -> ((JsonObject) e).getJsonObject(field).getString("id")).toList();
    }

    private long count() {
        Row row = server.sql("SELECT count(*) AS n FROM audit_log").get(0);
        return row.getLong("n");
    }
}
