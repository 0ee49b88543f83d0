package org.guichet.server.stats;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see statistics, of which sites, and what a malformed request is answered. */
class StatsAccessApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String supervisorS1;
    private static String supervisorS2;
    private static String agentS1;

    @BeforeAll
    static void setUp() {
        supervisorS1 = server.agent("access.sup1", "supervisor", "s1");
        supervisorS2 = server.agent("access.sup2", "supervisor", "s2");
        agentS1 = server.agent("access.agent1", "agent", "s1");
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String messagePart) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("error")).isNotBlank();
        assertThat(body.getString("message")).contains(messagePart);
    }

    @Test
    void only_supervisors_and_admins_of_the_site() {
        assertThat(server.get("/api/v1/stats/overview", null).statusCode()).isEqualTo(401);
        assertError(server.get("/api/v1/stats/overview?siteId=s1", agentS1), 403, "supervisor");
        assertError(server.get("/api/v1/stats/overview?siteId=s1", supervisorS2), 403, "s1");
        assertError(server.get("/api/v1/stats/breakdown?serviceId=svc-a", supervisorS2), 403, "s1");
        assertError(server.get("/api/v1/stats/live?siteId=s1", supervisorS2), 403, "s1");
        assertError(server.get("/api/v1/stats/overview", server.deviceToken("kiosk-1")), 403, "agent account");
        assertError(server.post("/api/v1/stats/rollups/rebuild", supervisorS1, null), 403, "admin");

        JsonObject own = server.get("/api/v1/stats/overview", supervisorS1).bodyAsJsonObject();
        assertThat(own.getJsonArray("siteIds").getList()).containsExactly("s1");
        JsonObject admin = server.get("/api/v1/stats/overview", server.adminToken()).bodyAsJsonObject();
        assertThat(admin.getJsonArray("siteIds").getList()).containsExactly("s1", "s2");
    }

    @Test
    void bad_parameters_are_400_with_a_plain_sentence() {
        assertError(server.get("/api/v1/stats/overview?from=2026-13-01", supervisorS1), 400, "date like");
        assertError(server.get("/api/v1/stats/overview?from=2026-03-10&to=2026-03-01", supervisorS1), 400,
                "before");
        assertError(server.get("/api/v1/stats/overview?from=2020-01-01&to=2026-01-01", supervisorS1), 400,
                "at most");
        assertError(server.get("/api/v1/stats/breakdown?by=colour", supervisorS1), 400, "by");
        assertError(server.get("/api/v1/stats/breakdown?by=day&from=2026-01-01&to=2026-06-30", supervisorS1), 400,
                "month");
        assertError(server.get("/api/v1/stats/overview?siteId=nowhere", supervisorS1), 400, "nowhere");
        assertError(server.get("/api/v1/stats/overview?serviceId=svc-zz", supervisorS1), 400, "svc-zz");
        assertError(server.get("/api/v1/stats/overview?serviceId=m1", supervisorS1), 400, "m1");
        assertError(server.get("/api/v1/stats/overview?siteId=s1&counterId=z1", server.adminToken()), 400,
                "not at the chosen site");
        assertError(server.get("/api/v1/stats/overview?agentId=abc", supervisorS1), 400, "agentId");
        assertError(server.get("/api/v1/stats/overview?thresholdMinutes=61", supervisorS1), 400, "thresholdMinutes");
        assertError(server.get("/api/v1/stats/overview?source=rollup&serviceId=svc-a", supervisorS1), 400, "per site");
        assertError(server.get("/api/v1/stats/breakdown?format=xml", supervisorS1), 400, "csv");
        assertError(server.get("/api/v1/stats/breakdown?format=csv&sep=tab", supervisorS1), 400, "semicolon");
        assertError(server.get("/api/v1/stats/breakdown?format=csv&sep=comma&decimal=comma", supervisorS1), 400,
                "semicolon");
        assertError(server.get("/api/v1/stats/occupancy?serviceId=svc-a", supervisorS1), 400, "per counter");
        assertError(server.get("/api/v1/stats/occupancy?from=2025-01-01&to=2026-06-30&siteId=s1", supervisorS1),
                400, "site-days");
        assertError(server.get("/api/v1/stats/live", supervisorS1), 400, "siteId");
    }
}
