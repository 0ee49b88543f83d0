package org.guichet.server.admin;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.flywaydb.core.Flyway;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.store.Migrations;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A database made when ids were global (schema V9) is migrated without loss: every room, service, counter and device
 * keeps its id, which becomes its code too; its waiting ticket is still called; and a new site may then reuse a code.
 */
class GlobalIdsMigrationTest {

    private static final String OLD_DATA = """
            INSERT INTO site (id, name, time_zone) VALUES ('old', 'Ancien site', 'Europe/Paris');
            INSERT INTO waiting_room (id, site_id, name) VALUES ('hall', 'old', 'Hall');
            INSERT INTO service (id, site_id, kind, name, prefix, room_id) VALUES ('info', 'old', 'service', 'Info', 'I', 'hall');
            INSERT INTO counter (id, site_id, room_id, name) VALUES ('g1', 'old', 'hall', 'Guichet 1');
            INSERT INTO counter_service (counter_id, service_id, rank) VALUES ('g1', 'info', 0);
            INSERT INTO device (id, site_id, kind, name, room_id) VALUES ('screen', 'old', 'screen', 'Écran', 'hall');
            INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                status_token, arrival_at, issued_at)
            VALUES ('old', 'info', 'hall', 'I', 1, (now() AT TIME ZONE 'Europe/Paris')::date, 'NORMAL', 'fr', 'WAITING',
                    'old-status-token-0123456789', now(), now());
            """;

    @Test
    void ids_become_codes_nothing_is_lost_and_a_new_site_may_reuse_them() throws SQLException {
        DatabaseSettings settings = TestDatabase.emptyDatabase();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("9").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            statement.execute(OLD_DATA);

            assertThat(Migrations.migrate(settings)).isPositive();

            for (String table : new String[] {"waiting_room", "service", "counter", "device"}) {
                try (ResultSet rows = statement.executeQuery("SELECT id, code FROM " + table + " WHERE site_id = 'old'")) {
                    assertThat(rows.next()).as(table).isTrue();
                    assertThat(rows.getString("code")).as(table).isEqualTo(rows.getString("id"));
                }
            }
        }

        Vertx vertx = Vertx.vertx();
        try (TestServer server = TestServer.start(vertx, TestServer.options(settings, 0))) {
            JsonObject oldSite = new JsonObject().put("id", "old").put("name", "Ancien site")
                    .put("rooms", new JsonArray().add(new JsonObject().put("id", "hall").put("name", "Hall")))
                    .put("services", new JsonArray().add(new JsonObject().put("id", "info").put("name", "Info")
                            .put("prefix", "I").put("room", "hall")))
                    .put("counters", new JsonArray().add(new JsonObject().put("id", "g1").put("name", "Guichet 1")
                            .put("room", "hall").put("services", new JsonArray().add("info"))));
            JsonObject newSite = oldSite.copy().put("id", "new").put("name", "Nouveau site");
            ok(server.put("/api/v1/admin/deployment", server.adminToken(),
                    new JsonObject().put("sites", new JsonArray().add(oldSite).add(newSite))));

            assertThat(server.sql("SELECT id FROM service WHERE site_id = 'old'").get(0).getString(0))
                    .as("the old service kept its key").isEqualTo("info");
            assertThat(server.sql("SELECT id FROM service WHERE site_id = 'new'").get(0).getString(0))
                    .isEqualTo("new:info");
            // Its visitor's link still finds it (since V33 through ticket_key, filled from the tickets there were).
            assertThat(ok(server.get("/api/v1/public/tickets/old-status-token-0123456789", null))
                    .getString("number")).isEqualTo("I001");
            String agent = server.agentAtCounter("migrated.agent", "old", "g1");
            JsonObject called = ok(server.post("/api/v1/counters/g1/call-next", agent, null));
            assertThat(called.getString("number")).isEqualTo("I001");
        } finally {
            TestServer.await(vertx.close());
        }
    }
}
