package org.guichet.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The input findings of issue 16: each bad value gets a 400 with {"error","message"}, and nothing is stored. */
class InputHardeningTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static void assertRefused(HttpResponse<Buffer> response, String what) {
        String text = response.bodyAsString();
        assertThat(response.statusCode()).as(what + ": " + text.substring(0, Math.min(300, text.length())))
                .isEqualTo(400);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("error")).as(what).isNotBlank();
        assertThat(body.getString("message")).as(what).isNotBlank()
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("cannot be cast")
                .hasSizeLessThan(400);
    }

    private static void assertRefused(HttpResponse<Buffer> response, String what, String naming) {
        assertRefused(response, what);
        assertThat(response.bodyAsJsonObject().getString("message")).as(what).contains(naming);
    }

    @Test
    void a_nul_character_is_refused_even_before_logging_in() {
        assertRefused(server.post("/api/v1/auth/login", null,
                "{\"username\":\"a\\u0000b\",\"password\":\"whatever-password\"}"), "NUL in a username");
        assertRefused(server.post("/api/v1/auth/login", null,
                "{\"username\":\"someone\",\"password\":\"pass\\u0000word\"}"), "NUL in a password");
    }

    @Test
    void a_lone_surrogate_is_refused_not_stored_as_a_question_mark() {
        JsonObject agent = new JsonObject().put("username", "lone.surrogate").put("password", "long-enough-pass")
                .put("role", "agent").put("siteIds", new JsonArray().add("s1"));
        String body = agent.encode().replace("}", ",\"displayName\":\"Jean \\ud800 Dupont\"}");
        assertRefused(server.post("/api/v1/admin/agents", server.adminToken(), body), "lone high surrogate");
        assertRefused(server.post("/api/v1/admin/agents", server.adminToken(),
                body.replace("\\ud800", "\\udc00")), "lone low surrogate");
        assertThat(server.sql("SELECT 1 FROM agent WHERE username = 'lone.surrogate'")).isEmpty();
    }

    @Test
    void names_have_a_length_limit() {
        JsonObject agent = new JsonObject().put("username", "long.name").put("password", "long-enough-pass")
                .put("role", "agent").put("siteIds", new JsonArray().add("s1"))
                .put("displayName", "x".repeat(100_000));
        assertRefused(server.post("/api/v1/admin/agents", server.adminToken(), agent), "100 000-character name");
        JsonObject deployment = TestServer.ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        deployment.getJsonArray("sites").getJsonObject(0).put("name", "S".repeat(100_000));
        assertRefused(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(), deployment),
                "100 000-character site name");
    }

    @Test
    void a_null_target_wait_is_refused() {
        JsonObject deployment = TestServer.ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        firstTicketService(deployment).putNull("targetWaitMinutes");
        assertRefused(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(), deployment),
                "targetWaitMinutes: null");
    }

    @Test
    void an_integer_field_takes_only_an_integer_in_range() {
        JsonObject deployment = TestServer.ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        for (String bad : List.of("1.5", "\"3\"", "1e300", "4294967306", "-5", "true")) {
            firstTicketService(deployment).put("targetWaitMinutes", 777_777);
            String body = deployment.encode().replace("777777", bad);
            assertRefused(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(), body),
                    "targetWaitMinutes: " + bad, "sites[0].services[0].targetWaitMinutes");
        }
        for (String bad : List.of("1.5", "abc", "1e300", "4294967306", "0", "501")) {
            assertRefused(server.get("/api/v1/admin/audit?limit=" + bad, server.adminToken()), "limit=" + bad, "limit");
        }
    }

    @Test
    void a_yaml_deployment_is_checked_against_the_same_schema() {
        String yaml = "sites:\n  - id: s9\n    name: Nine\n    rooms:\n      - id: r9\n        name: Room\n"
                + "    services:\n      - id: v9\n        name: Service\n        prefix: A\n        room: r9\n"
                + "        targetWaitMinutes: 4294967306\n";
        assertRefused(server.sendText(HttpMethod.PUT, "/api/v1/admin/deployment?dryRun=true", server.adminToken(),
                "application/yaml", yaml), "YAML targetWaitMinutes: 4294967306");
    }

    @Test
    void a_field_of_the_wrong_type_gets_a_plain_message() {
        JsonObject deployment = TestServer.ok(server.get("/api/v1/admin/deployment", server.adminToken()));
        deployment.getJsonArray("sites").getJsonObject(0).put("callingPolicy", "fast");
        assertRefused(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(), deployment),
                "callingPolicy: a string");
        deployment.getJsonArray("sites").getJsonObject(0).put("callingPolicy", new JsonObject().put("ageingShare", "x"));
        assertRefused(server.put("/api/v1/admin/deployment?dryRun=true", server.adminToken(), deployment),
                "ageingShare: a string");
    }

    @Test
    void the_answer_to_a_library_exception_never_quotes_it() {
        assertThat(FailureHandler.answer(500, new ClassCastException(
                "class java.lang.String cannot be cast to class io.vertx.core.json.JsonObject")).message())
                .doesNotContain("java.");
        assertThat(FailureHandler.answer(500, new NumberFormatException("For input string: \"x\"")).message())
                .doesNotContain("For input string");
        assertThat(FailureHandler.answer(500, new IllegalArgumentException(
                "No enum constant org.guichet.server.domain.Priority.X")).message()).doesNotContain("org.guichet");
    }

    private static JsonObject firstTicketService(JsonObject deployment) {
        for (Object service : deployment.getJsonArray("sites").getJsonObject(0).getJsonArray("services")) {
            JsonObject json = (JsonObject) service;
            if (json.getString("kind", "service").equals("service")) {
                return json;
            }
        }
        throw new IllegalStateException("no ticket service in the test deployment");
    }
}
