package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Two administrators export the deployment; the second to import is refused rather than silently undoing the first's
 * change. A site with history is archived, never deleted: it keeps its tickets and issues no more.
 */
class SiteRevisionAndArchiveTest {

    private static final String DEPLOYMENT = "/api/v1/admin/deployment";

    @RegisterExtension
    static final TestServer server = TestServer.perTest();

    private static JsonObject site(JsonObject deployment, String id) {
        return deployment.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(site -> site.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void an_import_made_from_an_export_older_than_the_last_change_is_refused_with_the_site_as_it_is_now() {
        JsonObject first = ok(server.get(DEPLOYMENT, server.adminToken()));
        JsonObject second = ok(server.get(DEPLOYMENT, server.adminToken()));
        int exported = site(first, "s2").getInteger("revision");
        site(first, "s2").put("name", "Site Deux – par le premier");
        site(second, "s2").put("footer", "Par le second");

        ok(server.put(DEPLOYMENT, server.adminToken(), first));
        HttpResponse<Buffer> dryRun = server.put(DEPLOYMENT + "?dryRun=true", server.adminToken(), second);
        HttpResponse<Buffer> refused = server.put(DEPLOYMENT, server.adminToken(), second);

        assertThat(dryRun.statusCode()).isEqualTo(409);
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonObject answer = refused.bodyAsJsonObject();
        assertThat(answer.getString("error")).isEqualTo("stale");
        assertThat(answer.getString("message")).contains("s2");
        JsonObject now = site(answer.getJsonObject("current"), "s2");
        assertThat(now.getString("name")).isEqualTo("Site Deux – par le premier");
        assertThat(now.getInteger("revision")).isEqualTo(exported + 1);
        JsonObject stored = site(ok(server.get(DEPLOYMENT, server.adminToken())), "s2");
        assertThat(stored.getValue("footer")).isNull();
        assertThat(stored.getString("name")).isEqualTo("Site Deux – par le premier");

        ok(server.put(DEPLOYMENT, server.adminToken(), ok(server.get(DEPLOYMENT, server.adminToken()))));
        assertThat(site(ok(server.get(DEPLOYMENT, server.adminToken())), "s2").getInteger("revision"))
                .as("an apply that changes nothing leaves the revision").isEqualTo(exported + 1);
    }

    @Test
    void a_site_with_history_is_archived_it_keeps_its_tickets_and_issues_no_more_even_for_an_agent() {
        JsonObject issued = server.issue(server.tokenOf("kiosk-2"), "svc-z");
        String agent = server.agent("archive.agent", "agent", "s2");
        JsonObject deployment = ok(server.get(DEPLOYMENT, server.adminToken()));
        site(deployment, "s2").put("active", false);

        JsonObject applied = ok(server.put(DEPLOYMENT, server.adminToken(), deployment));

        assertThat(applied.getJsonArray("sites").encode()).contains("\"active\"");
        HttpResponse<Buffer> byKiosk = server.post("/api/v1/tickets", server.tokenOf("kiosk-2"),
                new JsonObject().put("serviceId", "svc-z"));
        HttpResponse<Buffer> byAgent = server.post("/api/v1/tickets", agent, new JsonObject().put("serviceId", "svc-z"));
        assertThat(byKiosk.statusCode()).isEqualTo(409);
        assertThat(byKiosk.bodyAsJsonObject().getString("error")).isEqualTo("site_archived");
        assertThat(byAgent.bodyAsJsonObject().getString("error")).isEqualTo("site_archived");
        JsonObject opening = ok(server.get("/api/v1/sites/s2/menu", server.tokenOf("kiosk-2"))).getJsonObject("opening");
        assertThat(opening.getString("reason")).isEqualTo("ARCHIVED");
        assertThat(opening.getValue("nextOpeningAt")).isNull();
        assertThat(ok(server.get("/api/v1/sites/s2", server.adminToken())).getBoolean("active")).isFalse();
        assertThat(server.sql("SELECT count(*) FROM ticket WHERE id = $1", issued.getLong("id")).get(0).getLong(0))
                .isEqualTo(1);
        assertThat(server.sql("SELECT count(*) FROM site WHERE id = 's2'").get(0).getLong(0)).isEqualTo(1);
    }
}
