package org.guichet.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what across roles, sites and devices, and what every endpoint answers to bad input. */
class AuthorizationAndInputTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String agentS1;
    private static String agentS2;
    private static String supervisorS1;
    private static String siteAdminS2;
    private static String kiosk1;
    private static String screen1;

    @BeforeAll
    static void setUp() {
        agentS1 = server.agentAtCounter("authz.agent1", "s1", "c1");
        agentS2 = server.agentAtCounter("authz.agent2", "s2", "z1");
        supervisorS1 = server.agent("authz.super1", "supervisor", "s1");
        siteAdminS2 = server.agent("authz.admin2", "admin", "s2");
        kiosk1 = server.deviceToken("kiosk-1");
        screen1 = server.deviceToken("screen-1");
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.bodyAsString()).isEqualTo(status);
        if (status != 204) {
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("error")).as(what).isNotBlank();
            assertThat(body.getString("message")).as(what).isNotBlank();
            assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void no_token_or_a_bad_token_gets_401() {
        assertError(server.get("/api/v1/sites", null), 401, "no token");
        assertError(server.get("/api/v1/sites", "gs_forged"), 401, "forged agent token");
        assertError(server.get("/api/v1/sites", "gd_forged"), 401, "forged device token");
        assertError(server.post("/api/v1/tickets", null, new JsonObject().put("serviceId", "svc-a")), 401, "issue");
        assertError(server.post("/api/v1/auth/login", null,
                new JsonObject().put("username", "authz.agent1").put("password", "wrong-password")), 401, "login");
        assertError(server.post("/api/v1/auth/login", null,
                new JsonObject().put("username", "nobody").put("password", "wrong-password")), 401, "login");
    }

    @Test
    void an_agent_of_one_site_cannot_touch_another_sites_tickets() {
        JsonObject ticket = server.issue(kiosk1, "svc-a");
        long id = ticket.getLong("id");
        assertError(server.get("/api/v1/tickets/" + id, agentS2), 403, "read");
        assertError(server.post("/api/v1/tickets/" + id + "/cancel", agentS2, null), 403, "cancel");
        assertError(server.post("/api/v1/tickets/" + id + "/call", agentS2, new JsonObject().put("counterId", "z1")),
                403, "call");
        assertError(server.post("/api/v1/tickets", agentS2, new JsonObject().put("serviceId", "svc-a")), 403,
                "issue at another site");
        assertError(server.get("/api/v1/counters/c1/waiting", agentS2), 403, "waiting list");
        assertError(server.get("/api/v1/sites/s1/queue", agentS2), 403, "queue");
        assertThat(server.get("/api/v1/sites", agentS2).bodyAsJsonArray().stream()
                .map(site -> ((JsonObject) site).getString("id")).toList()).containsExactly("s2");
        // The ticket is untouched.
        assertThat(server.get("/api/v1/tickets/" + id, agentS1).bodyAsJsonObject().getString("status"))
                .isEqualTo("WAITING");
        assertThat(server.post("/api/v1/tickets/" + id + "/cancel", agentS1, null).statusCode()).isEqualTo(200);
    }

    @Test
    void devices_only_do_what_their_kind_and_site_allow() {
        assertError(server.post("/api/v1/tickets", screen1, new JsonObject().put("serviceId", "svc-a")), 403,
                "screen issuing");
        assertError(server.post("/api/v1/tickets", kiosk1, new JsonObject().put("serviceId", "svc-z")), 403,
                "kiosk of s1 issuing at s2");
        assertError(server.post("/api/v1/counters/c1/call-next", kiosk1, null), 403, "kiosk calling");
        assertError(server.get("/api/v1/rooms/r1b/display", screen1), 403, "screen of r1 reading r1b");
        assertThat(server.get("/api/v1/rooms/r1/display", screen1).statusCode()).isEqualTo(200);
        assertError(server.get("/api/v1/admin/devices", kiosk1), 403, "kiosk listing devices");
        assertThat(server.get("/api/v1/sites/s1/menu", kiosk1).statusCode()).isEqualTo(200);
        assertError(server.get("/api/v1/sites/s2/menu", kiosk1), 403, "kiosk reading another site's menu");
    }

    @Test
    void roles_limit_administration() {
        JsonObject newAgent = new JsonObject().put("username", "authz.new").put("password", "long-enough-pass")
                .put("role", "agent").put("siteIds", new JsonArray().add("s1"));
        assertError(server.post("/api/v1/admin/agents", agentS1, newAgent), 403, "agent creating agent");
        assertError(server.post("/api/v1/admin/agents", supervisorS1, newAgent), 403, "supervisor creating agent");
        assertError(server.post("/api/v1/admin/agents", siteAdminS2, newAgent), 403, "admin of s2 for s1");
        assertThat(server.post("/api/v1/admin/agents", server.adminToken(), newAgent).statusCode()).isEqualTo(201);
        assertError(server.post("/api/v1/admin/agents", server.adminToken(), newAgent), 409, "duplicate username");
        assertError(server.get("/api/v1/admin/agents", agentS1), 403, "agent listing agents");
        assertThat(server.get("/api/v1/admin/agents", supervisorS1).statusCode()).isEqualTo(200);
        assertError(server.put("/api/v1/admin/deployment", supervisorS1,
                new JsonObject().put("sites", new JsonArray().add(new JsonObject().put("id", "s1")
                        .put("name", "x")))), 403, "supervisor changing deployment");
        assertError(server.post("/api/v1/admin/devices/kiosk-1/token", siteAdminS2, null), 403,
                "admin of s2 minting a token for s1");
    }

    @Test
    void revoked_device_tokens_stop_working() throws Exception {
        String screen = server.deviceToken("screen-1b");
        assertThat(server.get("/api/v1/rooms/r1b/display", screen).statusCode()).isEqualTo(200);
        assertThat(server.post("/api/v1/admin/devices/screen-1b/revoke", server.adminToken(), null).statusCode())
                .isEqualTo(204);
        assertError(server.get("/api/v1/rooms/r1b/display", screen), 401, "revoked token");
        // A new token can be issued after a revocation.
        String renewed = server.deviceToken("screen-1b");
        assertThat(server.get("/api/v1/rooms/r1b/display", renewed).statusCode()).isEqualTo(200);
    }

    @Test
    void logout_ends_the_session() {
        String token = server.login("authz.super1", TestServer.AGENT_PASSWORD);
        assertThat(server.get("/api/v1/auth/me", token).statusCode()).isEqualTo(200);
        assertThat(server.post("/api/v1/auth/logout", token, null).statusCode()).isEqualTo(204);
        assertError(server.get("/api/v1/auth/me", token), 401, "after logout");
    }

    private record Case(HttpMethod method, String path, String body) {
    }

    @Test
    void malformed_input_gets_a_clear_4xx_on_every_endpoint() {
        String malformed = "{\"serviceId\": ";
        List<Case> cases = List.of(
                new Case(HttpMethod.POST, "/api/v1/auth/login", malformed),
                new Case(HttpMethod.POST, "/api/v1/auth/login", "[]"),
                new Case(HttpMethod.POST, "/api/v1/auth/login", "{\"username\": 5, \"password\": \"x\"}"),
                new Case(HttpMethod.POST, "/api/v1/auth/login", "{}"),
                new Case(HttpMethod.POST, "/api/v1/auth/password", "{\"newPassword\": \"short\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets", malformed),
                new Case(HttpMethod.POST, "/api/v1/tickets", "{}"),
                new Case(HttpMethod.POST, "/api/v1/tickets", "{\"serviceId\": 12}"),
                new Case(HttpMethod.POST, "/api/v1/tickets", "{\"serviceId\": \"nope\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets", "{\"serviceId\": \"svc-a\", \"priority\": \"VIP\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets", "{\"serviceId\": \"svc-a\", \"language\": \"de\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets",
                        "{\"serviceId\": \"svc-a\", \"idempotencyKey\": \"" + "k".repeat(101) + "\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets", "{\"serviceId\": \"svc-a\", \"siteId\": \"s2\"}"),
                new Case(HttpMethod.GET, "/api/v1/tickets/abc", null),
                new Case(HttpMethod.GET, "/api/v1/tickets/999999", null),
                new Case(HttpMethod.GET, "/api/v1/tickets/99999999999999999999999", null),
                new Case(HttpMethod.GET, "/api/v1/tickets/999999/events", null),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/call", "{\"counterId\": \"c1\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/1/call", "{}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/1/call", "{\"counterId\": \"nope\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/recall", null),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/start", null),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/finish", malformed),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/finish", "{\"outcome\": 3}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/no-show", null),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/requeue", null),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/transfer", "{\"serviceId\": \"svc-b\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/1/transfer", "{}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/1/transfer",
                        "{\"serviceId\": \"svc-b\", \"counterId\": \"c2\"}"),
                new Case(HttpMethod.POST, "/api/v1/tickets/999999/cancel", null),
                new Case(HttpMethod.GET, "/api/v1/counters/nope", null),
                new Case(HttpMethod.GET, "/api/v1/counters/nope/waiting", null),
                new Case(HttpMethod.POST, "/api/v1/counters/nope/open", null),
                new Case(HttpMethod.POST, "/api/v1/counters/nope/close", null),
                new Case(HttpMethod.POST, "/api/v1/counters/c1/pause", "{\"reason\": 7}"),
                new Case(HttpMethod.POST, "/api/v1/counters/c1/resume", null),
                new Case(HttpMethod.POST, "/api/v1/counters/nope/call-next", null),
                new Case(HttpMethod.GET, "/api/v1/sites/nope", null),
                new Case(HttpMethod.GET, "/api/v1/sites/nope/menu", null),
                new Case(HttpMethod.GET, "/api/v1/sites/nope/queue", null),
                new Case(HttpMethod.GET, "/api/v1/rooms/nope/display", null),
                new Case(HttpMethod.POST, "/api/v1/devices/heartbeat", "{}"),
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment", malformed),
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment", "{\"sites\": []}"),
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment", "{\"sites\": 3}"),
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment",
                        "{\"sites\": [{\"id\": \"s1\", \"name\": \"x\", \"timeZone\": \"Mars/Olympus\"}]}"),
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment",
                        "{\"sites\": [{\"id\": \"s1\", \"name\": \"x\", \"services\": [{\"id\": \"q\", \"name\": \"Q\","
                                + " \"prefix\": \"lower\", \"room\": \"r1\"}], \"rooms\": [{\"id\": \"r1\", \"name\": \"R\"}]}]}"),
                // A code is unique within its site (another site may have its own r1: SiteScopedIdsTest).
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment", "{\"sites\": [{\"id\": \"s2\", \"name\": \"x\", "
                        + "\"rooms\": [{\"id\": \"r1\", \"name\": \"R\"}, {\"id\": \"r1\", \"name\": \"S\"}]}]}"),
                new Case(HttpMethod.PUT, "/api/v1/admin/deployment", "{\"sites\": [{\"id\": \"s2\", \"name\": \"x\"}, "
                        + "{\"id\": \"s2\", \"name\": \"y\"}]}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents", malformed),
                new Case(HttpMethod.POST, "/api/v1/admin/agents", "{\"username\": \"x y\", \"password\": \"p\", \"role\": \"agent\"}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents",
                        "{\"username\": \"someone\", \"password\": \"long-enough-pass\", \"role\": \"king\"}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents",
                        "{\"username\": \"someone\", \"password\": \"long-enough-pass\", \"role\": \"agent\", \"siteIds\": [\"zz\"]}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents",
                        "{\"username\": \"someone\", \"password\": \"short\", \"role\": \"agent\", \"siteIds\": [\"s1\"]}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents/abc/password", "{\"password\": \"long-enough-pass\"}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents/999999/password", "{\"password\": \"long-enough-pass\"}"),
                new Case(HttpMethod.GET, "/api/v1/admin/agents/999999", null),
                new Case(HttpMethod.PATCH, "/api/v1/admin/agents/abc", "{\"displayName\": \"x\", \"version\": 1}"),
                new Case(HttpMethod.PATCH, "/api/v1/admin/agents/1", malformed),
                new Case(HttpMethod.PATCH, "/api/v1/admin/agents/1", "{\"displayName\": 5, \"version\": 1}"),
                new Case(HttpMethod.PATCH, "/api/v1/admin/agents/1", "{\"displayName\": \"x\", \"version\": \"one\"}"),
                new Case(HttpMethod.PATCH, "/api/v1/admin/agents/1", "{\"siteIds\": \"s1\", \"version\": 1}"),
                new Case(HttpMethod.POST, "/api/v1/admin/agents/999999/deactivate", null),
                new Case(HttpMethod.POST, "/api/v1/admin/agents/abc/reactivate", null),
                new Case(HttpMethod.POST, "/api/v1/admin/agents/import", "{\"username\": \"x\"}"),
                new Case(HttpMethod.POST, "/api/v1/admin/devices/nope/token", null),
                new Case(HttpMethod.POST, "/api/v1/admin/devices/nope/revoke", null),
                new Case(HttpMethod.GET, "/api/v1/no-such-endpoint", null),
                new Case(HttpMethod.DELETE, "/api/v1/tickets/1", null));
        for (Case c : cases) {
            String token = c.path().startsWith("/api/v1/admin") ? server.adminToken()
                    : c.path().equals("/api/v1/devices/heartbeat") ? agentS1
                    : c.path().startsWith("/api/v1/tickets") && c.method() == HttpMethod.POST
                      && c.path().equals("/api/v1/tickets") ? kiosk1 : agentS1;
            HttpResponse<Buffer> response = server.send(c.method(), c.path(), token, c.body());
            String what = c.method() + " " + c.path() + " " + c.body();
            assertThat(response.statusCode()).as(what + " -> " + response.bodyAsString()).isBetween(400, 499);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getString("error")).as(what).isNotBlank();
            assertThat(body.getString("message")).as(what).isNotBlank();
        }
        // Nothing stored was harmed: the site and its services are as deployed.
        JsonObject site = server.get("/api/v1/sites/s1", agentS1).bodyAsJsonObject();
        assertThat(site.getString("name")).isEqualTo("Site Un – bâtiment A");
        assertThat(site.getString("timeZone")).isEqualTo("Europe/Paris");
    }

    @Test
    void the_rules_the_apps_read_are_the_rules_the_server_applies() {
        JsonObject rules = TestServer.ok(server.get("/api/v1/rules", null));
        int min = rules.getJsonObject("password").getInteger("minLength");
        int max = rules.getJsonObject("password").getInteger("maxLength");
        JsonObject account = new JsonObject().put("role", "agent").put("siteIds", new JsonArray().add("s1"));
        assertError(server.post("/api/v1/admin/agents", server.adminToken(), account.copy()
                .put("username", "rules.short").put("password", "p".repeat(min - 1))), 400, "shorter than the rule");
        assertError(server.post("/api/v1/admin/agents", server.adminToken(), account.copy()
                .put("username", "rules.long").put("password", "p".repeat(max + 1))), 400, "longer than the rule");
        // The longest password allowed, and not a repetition (which the common-password rule refuses).
        String longest = "tournesol ardoise ".repeat(max / 18 + 1).substring(0, max);
        assertThat(server.post("/api/v1/admin/agents", server.adminToken(), account.copy()
                .put("username", "rules.longest").put("password", longest)).statusCode()).isEqualTo(201);
        assertThat(server.login("rules.longest", longest)).startsWith("gs_");

        for (Object language : rules.getJsonObject("languages").getJsonArray("visitor")) {
            assertThat(server.post("/api/v1/tickets", kiosk1, new JsonObject().put("serviceId", "svc-a")
                    .put("language", language)).statusCode()).as(language.toString()).isEqualTo(201);
        }
        assertThat(TestServer.ok(server.get("/api/v1/sites/s1/menu", kiosk1)).getJsonArray("languages"))
                .isEqualTo(rules.getJsonObject("languages").getJsonArray("visitor"));

        JsonObject stats = rules.getJsonObject("stats");
        String supervisor = supervisorS1;
        String overlong = "/api/v1/stats/overview?siteId=s1&from=2020-01-01&to="
                + java.time.LocalDate.of(2020, 1, 1).plusDays(stats.getInteger("maxDays"));
        assertError(server.get(overlong, supervisor), 400, "a period longer than maxDays");
        assertError(server.get("/api/v1/stats/overview?siteId=s1&thresholdMinutes="
                + (stats.getJsonObject("thresholdMinutes").getInteger("max") + 5), supervisor), 400, "threshold");
    }

    @Test
    void a_large_body_is_refused() {
        String huge = "{\"serviceId\": \"" + "x".repeat(300_000) + "\"}";
        HttpResponse<Buffer> response = server.send(HttpMethod.POST, "/api/v1/tickets", kiosk1, huge);
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
