package org.guichet.server.satisfaction;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.SatisfactionSettings;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Where the council switched it on (satisfaction.byAgent), supervisors read the answers per agent who served. */
class SatisfactionByAgentApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withSatisfaction(new SatisfactionSettings(true)));

    @Test
    void answers_are_grouped_by_the_agent_who_served_the_visit() {
        String first = server.agentAtCounter("byagent.one", "s1", "c1");
        String second = server.agentAtCounter("byagent.two", "s1", "c2");
        String supervisor = server.agent("byagent.supervisor", "supervisor", "s1");
        String kiosk = server.deviceToken("kiosk-1");
        int[][] visits = {{1, 5}, {1, 4}, {2, 2}};
        for (int[] visit : visits) {
            String agent = visit[0] == 1 ? first : second;
            JsonObject ticket = server.issue(kiosk, "svc-a");
            long id = ticket.getLong("id");
            ok(server.post("/api/v1/tickets/" + id + "/call", agent,
                    new JsonObject().put("counterId", visit[0] == 1 ? "c1" : "c2")));
            ok(server.post("/api/v1/tickets/" + id + "/start", agent, null));
            ok(server.post("/api/v1/tickets/" + id + "/finish", agent, null));
            TestServer.status(server.post("/api/v1/public/tickets/" + ticket.getString("statusToken")
                    + "/satisfaction", null, new JsonObject().put("score", visit[1])), 201);
        }
        long firstId = ok(server.get("/api/v1/auth/me", first)).getLong("id");
        long secondId = ok(server.get("/api/v1/auth/me", second)).getLong("id");

        JsonObject report = ok(server.get("/api/v1/stats/satisfaction?siteId=s1&by=agent", supervisor));

        assertThat(report.getBoolean("byAgentAllowed")).isTrue();
        JsonArray rows = report.getJsonArray("rows");
        assertThat(rows).hasSize(2);
        JsonObject one = rows.stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("key").equals(String.valueOf(firstId))).findFirst().orElseThrow();
        JsonObject two = rows.stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("key").equals(String.valueOf(secondId))).findFirst().orElseThrow();
        assertThat(one.getLong("answers")).isEqualTo(2);
        assertThat(one.getDouble("averageScore")).isEqualTo(4.5);
        assertThat(two.getDouble("averageScore")).isEqualTo(2.0);
        assertThat(report.getJsonObject("totals").getLong("answers")).isEqualTo(3);
    }
}
