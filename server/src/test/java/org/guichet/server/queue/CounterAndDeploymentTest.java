package org.guichet.server.queue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Opening, pausing and closing counters (recorded for occupancy), and re-applying a deployment. */
class CounterAndDeploymentTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void counter_states_and_their_recorded_events() {
        String agent = server.agent("counter.agent", "agent", "s1");
        String other = server.agent("counter.other", "agent", "s1");
        String supervisor = server.agent("counter.super", "supervisor", "s1");
        String kiosk = server.deviceToken("kiosk-1");

        assertThat(ok(server.get("/api/v1/counters/c2", agent)).getString("status")).isEqualTo("CLOSED");
        JsonObject open = ok(server.post("/api/v1/counters/c2/open", agent, null));
        assertThat(open.getString("status")).isEqualTo("OPEN");
        assertThat(open.getString("agentName")).isEqualTo("counter.agent");
        // Opening again is harmless; another agent cannot take it.
        ok(server.post("/api/v1/counters/c2/open", agent, null));
        assertThat(server.post("/api/v1/counters/c2/open", other, null).statusCode()).isEqualTo(409);
        // One open counter per agent.
        HttpResponse<Buffer> second = server.post("/api/v1/counters/c3/open", agent, null);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.bodyAsJsonObject().getString("error")).isEqualTo("agent_has_counter");

        JsonObject paused = ok(server.post("/api/v1/counters/c2/pause", agent,
                new JsonObject().put("reason", "Pause déjeuner")));
        assertThat(paused.getString("status")).isEqualTo("PAUSED");
        assertThat(paused.getString("pauseReason")).isEqualTo("Pause déjeuner");
        server.issue(kiosk, "svc-a");
        assertThat(server.post("/api/v1/counters/c2/call-next", agent, null).statusCode()).isEqualTo(409);
        assertThat(server.post("/api/v1/counters/c2/pause", agent, null).statusCode()).isEqualTo(409);
        ok(server.post("/api/v1/counters/c2/resume", agent, null));

        JsonObject called = ok(server.post("/api/v1/counters/c2/call-next", agent, null));
        JsonObject withTicket = ok(server.get("/api/v1/counters/c2", agent));
        assertThat(withTicket.getJsonObject("currentTicket").getLong("id")).isEqualTo(called.getLong("id"));
        HttpResponse<Buffer> closeBusy = server.post("/api/v1/counters/c2/close", agent, null);
        assertThat(closeBusy.statusCode()).isEqualTo(409);
        assertThat(closeBusy.bodyAsJsonObject().getString("message")).contains(called.getString("number"));
        ok(server.post("/api/v1/tickets/" + called.getLong("id") + "/requeue", agent, null));
        assertThat(server.post("/api/v1/counters/c2/close", other, null).statusCode()).isEqualTo(409);
        // A supervisor may close a counter an agent left open.
        assertThat(ok(server.post("/api/v1/counters/c2/close", supervisor, null)).getString("status"))
                .isEqualTo("CLOSED");
        assertThat(server.post("/api/v1/counters/c2/close", agent, null).statusCode()).isEqualTo(409);

        var rows = server.sql("SELECT kind, reason FROM counter_event WHERE counter_id = $1 ORDER BY id", "c2");
        List<String> kinds = new ArrayList<>();
        rows.forEach(row -> kinds.add(row.getString("kind") + (row.getString("reason") == null ? ""
                : ":" + row.getString("reason"))));
        assertThat(kinds).containsExactly("OPEN", "PAUSE:Pause déjeuner", "RESUME", "CLOSE");
    }

    @Test
    void reapplying_a_deployment_updates_in_place_and_issues_tokens_only_for_new_devices() {
        JsonObject deployment = TestServer.deployment();
        JsonObject site = deployment.getJsonArray("sites").getJsonObject(0);
        HttpResponse<Buffer> same = server.put("/api/v1/admin/deployment", server.adminToken(), deployment);
        assertThat(ok(same).getJsonObject("deviceTokens")).isEmpty();

        site.put("name", "Site Un – renommé");
        JsonArray counters = site.getJsonArray("counters");
        counters.getJsonObject(0).put("services", new JsonArray().add("svc-b").add("svc-a"));
        site.getJsonArray("devices").add(new JsonObject().put("id", "kiosk-new").put("kind", "kiosk"));
        JsonObject applied = ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
        assertThat(applied.getJsonObject("deviceTokens").fieldNames()).containsExactly("kiosk-new");
        String newKiosk = applied.getJsonObject("deviceTokens").getString("kiosk-new");
        assertThat(server.get("/api/v1/sites/s1/menu", newKiosk).statusCode()).isEqualTo(200);

        String agent = server.agent("deploy.agent", "agent", "s1");
        JsonObject s1 = ok(server.get("/api/v1/sites/s1", agent));
        assertThat(s1.getString("name")).isEqualTo("Site Un – renommé");
        JsonObject c1 = s1.getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(counter -> counter.getString("id").equals("c1")).findFirst().orElseThrow();
        assertThat(c1.getJsonArray("serviceIds")).containsExactly("svc-b", "svc-a");

        JsonObject menu = ok(server.get("/api/v1/sites/s1/menu", agent));
        List<String> top = menu.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("id")).toList();
        assertThat(top).containsExactly("svc-a", "svc-b", "m1", "o1");
        JsonObject submenu = menu.getJsonArray("entries").getJsonObject(2);
        assertThat(submenu.getJsonArray("children").getJsonObject(0).getString("id")).isEqualTo("svc-c");
        assertThat(menu.getJsonArray("entries").getJsonObject(3).getJsonObject("orientation")
                .getString("authority")).isEqualTo("Préfecture");
    }

    @Test
    void a_deployment_changed_by_another_server_is_read_again_here() {
        String name = ok(server.get("/api/v1/sites/s2", server.adminToken())).getString("name");
        server.sql("UPDATE site SET name = 'Site Deux (renommé ailleurs)' WHERE id = 's2'");
        try {
            // What another instance announces after changing the deployment; this one did not change it itself.
            server.vertx().eventBus().publish("guichet.internal.catalog.changed", "changed");
            Eventually.untilPasses("the catalog read again", () -> assertThat(ok(server.get("/api/v1/sites/s2",
                    server.adminToken())).getString("name")).isEqualTo("Site Deux (renommé ailleurs)"));
        } finally {
            server.sql("UPDATE site SET name = $1 WHERE id = 's2'", name);
            server.vertx().eventBus().publish("guichet.internal.catalog.changed", "changed");
        }
    }
}
