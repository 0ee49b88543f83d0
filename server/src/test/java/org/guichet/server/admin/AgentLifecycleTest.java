package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Changing, deactivating and reactivating accounts through the API, with scoped administration. */
class AgentLifecycleTest {

    private static final String AGENTS = "/api/v1/admin/agents";

    @RegisterExtension
    final TestServer server = TestServer.perTest();

    private JsonObject create(String token, String username, String role, String... sites) {
        return TestServer.status(server.post(AGENTS, token, new JsonObject().put("username", username)
                .put("displayName", username).put("password", TestServer.INITIAL_AGENT_PASSWORD).put("role", role)
                .put("siteIds", new JsonArray(List.of(sites)))), 201).bodyAsJsonObject();
    }

    private HttpResponse<Buffer> patch(String token, long agentId, String ifMatch, JsonObject body) {
        Map<String, String> headers = ifMatch == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "If-Match", ifMatch);
        return server.send(HttpMethod.PATCH, AGENTS + "/" + agentId, token, headers, body.toBuffer());
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(code);
        assertThat(response.bodyAsJsonObject().getString("message")).isNotBlank();
    }

    @Test
    void an_edit_from_an_old_version_is_refused_with_the_account_as_stored() {
        JsonObject created = create(server.adminToken(), "claire", "agent", "s1");
        long id = created.getLong("id");
        int version = created.getInteger("version");
        String clairesToken = server.firstLogin("claire");

        // Two administrators read version 1; the first renames with If-Match, the second changes the role after.
        JsonObject renamed = ok(patch(server.adminToken(), id, "\"" + version + "\"",
                new JsonObject().put("displayName", "Claire Dubois")));
        assertThat(renamed.getString("displayName")).isEqualTo("Claire Dubois");
        assertThat(renamed.getInteger("version")).isEqualTo(version + 1);
        assertThat(ok(server.get("/api/v1/auth/me", clairesToken)).getString("displayName"))
                .as("a change of name alone keeps the sessions").isEqualTo("Claire Dubois");

        HttpResponse<Buffer> stale = patch(server.adminToken(), id, null,
                new JsonObject().put("version", version).put("role", "supervisor"));
        assertError(stale, 409, "stale");
        JsonObject current = stale.bodyAsJsonObject().getJsonObject("current");
        assertThat(current.getString("displayName")).isEqualTo("Claire Dubois");
        assertThat(current.getString("role")).isEqualTo("agent");
        assertThat(current.getInteger("version")).isEqualTo(version + 1);
        assertThat(ok(server.get(AGENTS + "/" + id, server.adminToken())).getString("role")).isEqualTo("agent");

        // From the version now stored, a change of role and sites applies, and ends Claire's session at once.
        JsonObject promoted = ok(patch(server.adminToken(), id, null, new JsonObject().put("version", version + 1)
                .put("role", "supervisor").put("siteIds", new JsonArray().add("s1").add("s2"))));
        assertThat(promoted.getString("role")).isEqualTo("supervisor");
        assertThat(promoted.getJsonArray("siteIds")).containsExactlyInAnyOrder("s1", "s2");
        assertError(server.get("/api/v1/auth/me", clairesToken), 401, "session_expired");
        String again = server.login("claire", TestServer.AGENT_PASSWORD);
        assertThat(ok(server.get("/api/v1/auth/me", again)).getString("role")).isEqualTo("supervisor");

        List<String> audited = server.sql("SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id",
                String.valueOf(id)).stream().map(row -> row.getString(0)).toList();
        assertThat(audited).containsExactly("agent.create", "agent.update", "agent.update");
        JsonObject after = (JsonObject) server.sql("SELECT after FROM audit_log WHERE entity_id = $1 ORDER BY id DESC"
                + " LIMIT 1", String.valueOf(id)).get(0).getValue(0);
        assertThat(after.getString("role")).isEqualTo("supervisor");

        // Bad input: no version, a version that is no number, a field changed elsewhere, an unknown site or role.
        assertError(patch(server.adminToken(), id, null, new JsonObject().put("displayName", "x")), 400,
                "bad_request");
        assertError(patch(server.adminToken(), id, "abc", new JsonObject().put("displayName", "x")), 400,
                "bad_request");
        assertError(patch(server.adminToken(), id, "3", new JsonObject().put("password", "long-enough-pass")), 400,
                "bad_request");
        assertError(patch(server.adminToken(), id, "3", new JsonObject().put("siteIds", new JsonArray().add("s9"))),
                400, "bad_request");
        assertError(patch(server.adminToken(), id, "3", new JsonObject().put("role", "boss")), 400, "bad_request");
        assertError(patch(server.adminToken(), 999_999, "1", new JsonObject().put("displayName", "x")), 404,
                "not_found");
        assertError(server.send(HttpMethod.PATCH, AGENTS + "/" + id, server.adminToken(),
                Map.of("Content-Type", "application/json"), Buffer.buffer("{not json")), 400, "bad_request");
    }

    @Test
    void a_deactivated_account_cannot_log_in_and_its_counter_closes() {
        String token = server.agentAtCounter("denis", "s1", "c1");
        long id = ok(server.get("/api/v1/auth/me", token)).getLong("id");
        assertThat(ok(server.get("/api/v1/counters/c1", token)).getString("status")).isEqualTo("OPEN");

        JsonObject deactivated = ok(server.post(AGENTS + "/" + id + "/deactivate", server.adminToken(), null));
        assertThat(deactivated.getBoolean("active")).isFalse();
        assertError(server.get("/api/v1/auth/me", token), 401, "session_expired");
        assertError(server.post("/api/v1/auth/login", null, new JsonObject().put("username", "denis")
                .put("password", TestServer.AGENT_PASSWORD)), 401, "account_deactivated");
        assertError(server.post("/api/v1/auth/login", null, new JsonObject().put("username", "denis")
                .put("password", "a-wrong-password")), 401, "invalid_credentials");
        JsonObject counter = ok(server.get("/api/v1/counters/c1", server.adminToken()));
        assertThat(counter.getString("status")).isEqualTo("CLOSED");
        assertThat(server.sql("SELECT kind FROM counter_event WHERE agent_id = $1 ORDER BY id", id)
                .stream().map(row -> row.getString(0)).toList()).as("history keeps the agent")
                .containsExactly("OPEN", "CLOSE");
        assertThat(server.sql("SELECT count(*) FROM agent WHERE id = $1", id).get(0).getLong(0)).isEqualTo(1);
        assertError(server.post(AGENTS + "/" + id + "/deactivate", server.adminToken(), null), 409,
                "already_inactive");

        JsonObject reactivated = ok(server.post(AGENTS + "/" + id + "/reactivate", server.adminToken(), null));
        assertThat(reactivated.getBoolean("active")).isTrue();
        assertThat(reactivated.getInteger("version")).isEqualTo(deactivated.getInteger("version") + 1);
        server.login("denis", TestServer.AGENT_PASSWORD);
        assertThat(server.sql("SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id",
                String.valueOf(id)).stream().map(row -> row.getString(0) + " active after: "
                        + ((JsonObject) row.getValue(2)).getBoolean("active")).toList())
                .containsExactly("agent.create active after: true", "agent.deactivate active after: false",
                        "agent.reactivate active after: true");
    }

    @Test
    void nobody_deactivates_themself_nor_the_last_administrator_of_every_site() {
        long adminId = ok(server.get("/api/v1/auth/me", server.adminToken())).getLong("id");
        assertError(server.post(AGENTS + "/" + adminId + "/deactivate", server.adminToken(), null), 403,
                "forbidden");
        assertError(patch(server.adminToken(), adminId, "1", new JsonObject().put("siteIds",
                new JsonArray().add("s1"))), 403, "forbidden");

        // Another administrator of every site, deactivated once the first may not be: asked through the service by
        // an administrator that is not stored, the one way both could be gone (two deactivating each other at once).
        Principal ghost = Principal.agent(999_999, "ghost", Role.ADMIN, Set.of());
        var attempt = server.services().accounts().deactivate(ghost, "127.0.0.1", adminId);
        Throwable refused = attempt.toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).join();
        assertThat(refused).isInstanceOf(Failure.class);
        assertThat(((Failure) refused).code()).isEqualTo("last_admin");
        assertThat(ok(server.get("/api/v1/auth/me", server.adminToken())).getBoolean("active")).isTrue();

        long second = create(server.adminToken(), "admin2", "admin").getLong("id");
        String secondToken = server.firstLogin("admin2");
        assertThat(ok(server.post(AGENTS + "/" + adminId + "/deactivate", secondToken, null)).getBoolean("active"))
                .isFalse();
        assertError(server.get("/api/v1/auth/me", server.adminToken()), 401, "session_expired");
        assertThat(second).isPositive();
    }

    @Test
    void a_site_administrator_manages_only_their_sites_and_supervisors_no_one() {
        create(server.adminToken(), "site1admin", "admin", "s1");
        String siteAdmin = server.firstLogin("site1admin");
        long inS2 = create(server.adminToken(), "zoe", "agent", "s2").getLong("id");
        long inBoth = create(server.adminToken(), "bea", "agent", "s1", "s2").getLong("id");
        long network = create(server.adminToken(), "root2", "admin").getLong("id");
        String supervisor = server.agent("sup1", "supervisor", "s1");

        // Creates in their site, including a site administrator; never in another site or of every site.
        JsonObject own = create(siteAdmin, "paul", "agent", "s1");
        create(siteAdmin, "site1admin2", "admin", "s1");
        assertError(server.post(AGENTS, siteAdmin, new JsonObject().put("username", "x1").put("password",
                TestServer.AGENT_PASSWORD).put("role", "agent").put("siteIds", new JsonArray().add("s2"))), 403,
                "forbidden");
        HttpResponse<Buffer> networkAdmin = server.post(AGENTS, siteAdmin, new JsonObject().put("username", "x2")
                .put("password", TestServer.AGENT_PASSWORD).put("role", "admin"));
        assertError(networkAdmin, 403, "forbidden");
        assertThat(networkAdmin.bodyAsJsonObject().getString("message")).contains("every site");

        // Sees only accounts sharing a site; reads none other.
        List<String> seen = listed(server.get(AGENTS, siteAdmin));
        assertThat(seen).contains("paul", "bea", "site1admin", "sup1").doesNotContain("zoe", "root2", "admin");
        assertError(server.get(AGENTS + "/" + inS2, siteAdmin), 403, "forbidden");

        // Changes only accounts all of whose sites are theirs, and gives only their sites.
        long paul = own.getLong("id");
        assertThat(ok(patch(siteAdmin, paul, "1", new JsonObject().put("role", "supervisor"))).getString("role"))
                .isEqualTo("supervisor");
        assertError(patch(siteAdmin, paul, "2", new JsonObject().put("siteIds", new JsonArray().add("s2"))), 403,
                "forbidden");
        assertError(patch(siteAdmin, paul, "2", new JsonObject().put("siteIds", new JsonArray())), 400,
                "bad_request");
        assertError(patch(siteAdmin, inBoth, "1", new JsonObject().put("displayName", "B")), 403, "forbidden");
        assertError(patch(siteAdmin, inS2, "1", new JsonObject().put("displayName", "Z")), 403, "forbidden");
        assertError(server.post(AGENTS + "/" + network + "/deactivate", siteAdmin, null), 403, "forbidden");
        assertError(server.post(AGENTS + "/" + inS2 + "/password", siteAdmin,
                new JsonObject().put("password", "long-enough-password")), 403, "forbidden");
        assertThat(ok(server.post(AGENTS + "/" + paul + "/deactivate", siteAdmin, null)).getBoolean("active"))
                .isFalse();

        // A supervisor manages no one.
        assertError(patch(supervisor, paul, "3", new JsonObject().put("displayName", "P")), 403, "forbidden");
        assertError(server.post(AGENTS + "/" + paul + "/reactivate", supervisor, null), 403, "forbidden");
        assertError(server.send(HttpMethod.POST, AGENTS + "/import", supervisor, Map.of("Content-Type", "text/csv"),
                Buffer.buffer("username;displayName;role;sites\nq;Q;agent;s1\n")), 403, "forbidden");
        assertThat(server.sql("SELECT display_name FROM agent WHERE id = $1", paul).get(0).getString(0))
                .isEqualTo("paul");
    }

    private static List<String> listed(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.bodyAsJsonArray().stream().map(agent -> ((JsonObject) agent).getString("username")).toList();
    }
}
