package org.guichet.server.service;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A password an administrator set must be replaced by the agent's own before anything else. */
class MustChangePasswordTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static HttpResponse<Buffer> login(String username, String password) {
        return server.post("/api/v1/auth/login", null, new JsonObject().put("username", username)
                .put("password", password));
    }

    /** Logged in with the password the administrator gave: only the password change, who am I and log-out answer. */
    private static void onlyThePasswordChangeIsOpen(String username, String given) {
        HttpResponse<Buffer> session = login(username, given);
        assertThat(session.statusCode()).as(session.bodyAsString()).isEqualTo(200);
        assertThat(session.bodyAsJsonObject().getBoolean("mustChangePassword")).isTrue();
        String token = session.bodyAsJsonObject().getString("token");

        HttpResponse<Buffer> sites = server.get("/api/v1/sites", token);
        assertThat(sites.statusCode()).as(sites.bodyAsString()).isEqualTo(403);
        assertThat(sites.bodyAsJsonObject().getString("error")).isEqualTo("password_change_required");
        assertThat(server.post("/api/v1/counters/c1/open", token, null).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> me = server.get("/api/v1/auth/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.bodyAsJsonObject().getBoolean("mustChangePassword")).isTrue();

        HttpResponse<Buffer> same = server.post("/api/v1/auth/password", token, new JsonObject()
                .put("currentPassword", given).put("newPassword", given));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.bodyAsJsonObject().getString("error")).isEqualTo("same_password");
        HttpResponse<Buffer> changed = server.post("/api/v1/auth/password", token, new JsonObject()
                .put("currentPassword", given).put("newPassword", "my-own-choice-of-words"));
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isBetween(200, 204);

        assertThat(server.get("/api/v1/sites", token).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> again = login(username, "my-own-choice-of-words");
        assertThat(again.bodyAsJsonObject().getBoolean("mustChangePassword")).isFalse();
        assertThat(server.get("/api/v1/auth/me", again.bodyAsJsonObject().getString("token")).bodyAsJsonObject()
                .getBoolean("mustChangePassword")).isFalse();
    }

    @Test
    void an_account_an_administrator_created_must_change_its_password_first() {
        HttpResponse<Buffer> created = server.post("/api/v1/admin/agents", server.adminToken(), new JsonObject()
                .put("username", "created.one").put("displayName", "Created One")
                .put("password", "given-by-the-admin-1").put("role", "agent").put("siteIds", new JsonArray().add("s1")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

        onlyThePasswordChangeIsOpen("created.one", "given-by-the-admin-1");
    }

    @Test
    void a_password_an_administrator_reset_must_be_changed_first() {
        server.agent("reset.one", "agent", "s1");
        long id = server.sql("SELECT id FROM agent WHERE username = 'reset.one'").get(0).getLong(0);
        HttpResponse<Buffer> reset = server.post("/api/v1/admin/agents/" + id + "/password", server.adminToken(),
                new JsonObject().put("password", "reset-by-the-admin-2"));
        assertThat(reset.statusCode()).as(reset.bodyAsString()).isBetween(200, 204);

        onlyThePasswordChangeIsOpen("reset.one", "reset-by-the-admin-2");
    }

    @Test
    void an_imported_account_must_change_its_password_first() {
        String csv = "username;displayName;role;sites;password\nimported.one;Imported;agent;s1;given-in-the-file-3\n";
        HttpResponse<Buffer> imported = server.send(HttpMethod.POST, "/api/v1/admin/agents/import",
                server.adminToken(), Map.of("Content-Type", "text/csv"),
                Buffer.buffer(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.statusCode()).as(imported.bodyAsString()).isBetween(200, 201);

        onlyThePasswordChangeIsOpen("imported.one", "given-in-the-file-3");
    }

    @Test
    void weak_passwords_are_refused_wherever_a_password_is_set() {
        server.agent("weak.one", "agent", "s1");
        String token = server.login("weak.one", TestServer.AGENT_PASSWORD);
        HttpResponse<Buffer> change = server.post("/api/v1/auth/password", token, new JsonObject()
                .put("currentPassword", TestServer.AGENT_PASSWORD).put("newPassword", "aaaaaaaaaaaa"));
        HttpResponse<Buffer> create = server.post("/api/v1/admin/agents", server.adminToken(), new JsonObject()
                .put("username", "weak.two").put("displayName", "Weak Two").put("password", "Motdepasse2026")
                .put("role", "agent").put("siteIds", new JsonArray().add("s1")));
        long id = server.sql("SELECT id FROM agent WHERE username = 'weak.one'").get(0).getLong(0);
        HttpResponse<Buffer> reset = server.post("/api/v1/admin/agents/" + id + "/password", server.adminToken(),
                new JsonObject().put("password", "azertyuiop123"));

        assertThat(change.statusCode()).as(change.bodyAsString()).isEqualTo(400);
        assertThat(create.statusCode()).as(create.bodyAsString()).isEqualTo(400);
        assertThat(reset.statusCode()).as(reset.bodyAsString()).isEqualTo(400);
        assertThat(create.bodyAsJsonObject().getString("message")).contains("too common");
    }
}
