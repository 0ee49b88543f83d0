package org.guichet.server.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Importing accounts from a CSV list: the report, the dry run, the audit, and 400 lines at once. */
class AgentImportApiTest {

    private static final Logger LOG = LoggerFactory.getLogger(AgentImportApiTest.class);
    private static final String IMPORT = "/api/v1/admin/agents/import";

    @RegisterExtension
    final TestServer server = TestServer.perTest();

    private HttpResponse<Buffer> upload(String token, String query, byte[] csv) {
        return server.send(HttpMethod.POST, IMPORT + query, token, Map.of("Content-Type", "text/csv; charset=utf-8"),
                Buffer.buffer(csv));
    }

    private long agents() {
        return server.sql("SELECT count(*) FROM agent").get(0).getLong(0);
    }

    private long auditRows() {
        return server.sql("SELECT count(*) FROM audit_log").get(0).getLong(0);
    }

    @Test
    void a_french_excel_file_with_good_and_bad_lines_gives_a_report_and_a_dry_run_writes_nothing() {
        server.agent("existing", "agent", "s1");
        String csv = "\uFEFFusername;displayName;role;sites;password\r\n"
                     + "jdupont;Jean Dupont;agent;s1;mot-de-passe-jean\r\n"
                     + "mlefèvre;Marie;agent;s1;mot-de-passe-marie\r\n"
                     + "mlefevre;Marie Lefèvre;supervisor;s1|s2;\r\n"
                     + "jdupont;Jean encore;agent;s1;mot-de-passe-jean\r\n"
                     + "existing;Déjà là;agent;s1;mot-de-passe-long\r\n"
                     + "inconnu;Site inconnu;agent;s9;mot-de-passe-long\r\n"
                     + "faible;Mot de passe faible;agent;s1;court\r\n"
                     + "sansrole;Sans rôle;;s1;mot-de-passe-long\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        long agentsBefore = agents();
        long auditBefore = auditRows();

        JsonObject dry = ok(upload(server.adminToken(), "?dryRun=true", bytes));
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(agents()).as("a dry run creates no account").isEqualTo(agentsBefore);
        assertThat(auditRows()).as("a dry run audits nothing").isEqualTo(auditBefore);

        JsonObject report = ok(upload(server.adminToken(), "", bytes));
        assertThat(report.getBoolean("dryRun")).isFalse();
        assertThat(report.getJsonArray("rejected")).isEqualTo(dry.getJsonArray("rejected"));
        assertThat(report.getInteger("createdCount")).isEqualTo(dry.getInteger("createdCount")).isEqualTo(2);
        assertThat(lines(report.getJsonArray("rejected"))).containsExactly(
                "3 A username has 2 to 64 letters, digits, dots, dashes or @.",
                "5 Username 'jdupont' is already on line 2 of the file.",
                "6 Username 'existing' is taken by an existing account.",
                "7 Unknown site 's9'.",
                "8 A password needs at least 12 characters.",
                "9 Missing field: role.");
        JsonObject jean = report.getJsonArray("created").getJsonObject(0);
        JsonObject marie = report.getJsonArray("created").getJsonObject(1);
        assertThat(jean.getString("username")).isEqualTo("jdupont");
        assertThat(jean.getValue("oneTimePassword")).isNull();
        assertThat(marie.getString("displayName")).isEqualTo("Marie Lefèvre");
        assertThat(marie.getBoolean("passwordGenerated")).isTrue();
        assertThat(dry.getJsonArray("created").getJsonObject(1).getValue("oneTimePassword"))
                .as("no password is made in a dry run").isNull();
        String oneTime = marie.getString("oneTimePassword");
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(10);
        assertThat(server.login("jdupont", "mot-de-passe-jean")).isNotBlank();
        String marieToken = server.login("mlefevre", oneTime);
        JsonObject me = ok(server.get("/api/v1/auth/me", marieToken));
        assertThat(me.getString("role")).isEqualTo("supervisor");
        assertThat(me.getJsonArray("siteIds")).containsExactlyInAnyOrder("s1", "s2");

        List<Row> audit = server.sql("SELECT action, entity_id, before::text, after::text FROM audit_log "
                                     + "WHERE id > (SELECT coalesce(max(id), 0) FROM audit_log) - 2 ORDER BY id");
        assertThat(audit).extracting(row -> row.getString(0) + " " + row.getString(1)).containsExactly(
                "agent.create " + jean.getLong("id"), "agent.create " + marie.getLong("id"));
        String everyAuditRow = server.sql("SELECT string_agg(coalesce(before::text, '') || after::text, ' ') "
                                          + "FROM audit_log").get(0).getString(0);
        assertThat(everyAuditRow).contains("\"importLine\": 4")
                .doesNotContain(oneTime, "mot-de-passe-jean", "argon2");
    }

    @Test
    void commas_without_bom_and_bad_files_as_plain_errors() {
        JsonObject report = ok(upload(server.adminToken(), "",
                "username,displayName,role,sites\nalpha,Alpha,agent,s1|s2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(report.getInteger("createdCount")).isEqualTo(1);
        assertThat(report.getJsonArray("created").getJsonObject(0).getJsonArray("siteIds"))
                .containsExactly("s1", "s2");

        for (byte[] bad : List.of("".getBytes(StandardCharsets.UTF_8),
                "name;role\nx;agent\n".getBytes(StandardCharsets.UTF_8),
                "username;displayName;role;sites\nbéa;B;agent;s1\n".getBytes(StandardCharsets.ISO_8859_1))) {
            HttpResponse<Buffer> refused = upload(server.adminToken(), "", bad);
            assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("message")).isNotBlank();
        }
        HttpResponse<Buffer> json = server.post(IMPORT, server.adminToken(), new JsonObject().put("a", 1));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.bodyAsJsonObject().getString("message")).contains("text/csv");
    }

    @Test
    void a_site_administrator_imports_only_into_their_sites() {
        server.agent("siteadmin", "admin", "s1");
        String token = server.login("siteadmin", TestServer.AGENT_PASSWORD);
        JsonObject report = ok(upload(token, "", String.join("\n", "username;displayName;role;sites;password",
                "ici;Ici;agent;s1;long-enough-password",
                "la;Là;agent;s2;long-enough-password",
                "reseau;Réseau;admin;;long-enough-password").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.getJsonArray("created")).hasSize(1);
        assertThat(lines(report.getJsonArray("rejected"))).containsExactly(
                "3 Your account does not cover site 's2'.",
                "4 Only an administrator of every site can manage an account of every site.");
    }

    @Test
    void four_hundred_lines_in_one_transaction() {
        StringBuilder csv = new StringBuilder("username;displayName;role;sites;password\n");
        for (int i = 1; i <= 400; i++) {
            csv.append("agent").append(i).append(";Agent ").append(i).append(";agent;").append(i % 2 == 0 ? "s1" : "s2")
                    .append(';').append(i % 4 == 0 ? "" : "password-number-" + i).append('\n');
        }
        long agentsBefore = agents();
        long started = System.nanoTime();
        JsonObject report = ok(upload(server.adminToken(), "", csv.toString().getBytes(StandardCharsets.UTF_8)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Imported 400 CSV lines in {} ms over HTTP (server's own measure {} ms, {} processors)", millis,
                report.getLong("tookMillis"), Runtime.getRuntime().availableProcessors());
        assertThat(report.getInteger("createdCount")).isEqualTo(400);
        assertThat(report.getJsonArray("rejected")).isEmpty();
        assertThat(agents()).isEqualTo(agentsBefore + 400);
        assertThat(server.sql("SELECT count(*) FROM audit_log WHERE action = 'agent.create'").get(0).getLong(0))
                .isGreaterThanOrEqualTo(400);
        assertThat(server.login("agent399", "password-number-399")).isNotBlank();
        String generated = report.getJsonArray("created").getJsonObject(399).getString("oneTimePassword");
        assertThat(server.login("agent400", generated)).isNotBlank();
    }

    private static List<String> lines(JsonArray rejected) {
        return rejected.stream().map(line -> ((JsonObject) line).getInteger("line") + " "
                                             + ((JsonObject) line).getString("reason")).toList();
    }
}
