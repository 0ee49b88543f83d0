package org.guichet.server.store;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * ticket_fact_source reads the open tickets never called from their row (V29) and every other ticket from its
 * events: for tickets in every state, reached by every path the API has, it must give exactly what deriving all of
 * them from their events gives (the view as V21 defined it).
 */
class FactSourceTest {

    private static final String MIGRATION_V21 = "/db/migration/V21__outcomes_and_orientation.sql";
    private static final String VIEW_START = "CREATE OR REPLACE VIEW ticket_fact_source AS";
    private static final String VIEW_END = ") h;";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void every_ticket_has_the_facts_its_events_give() throws IOException {
        String kiosk = server.deviceToken("kiosk-1");
        String first = server.agentAtCounter("facts.c1", "s1", "c1");
        String second = server.agentAtCounter("facts.c3", "s1", "c3");
        String third = server.agentAtCounter("facts.c2", "s1", "c2");

        server.issue(kiosk, "svc-a");
        server.issue(kiosk, "svc-b");
        TestServer.status(server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "svc-a")
                .put("priority", "PRIORITY")), 201);
        JsonObject called = server.issue(kiosk, "svc-a");
        call(first, called, "c1");
        ok(server.post(path(called, "recall"), first, null));

        JsonObject putBack = server.issue(kiosk, "svc-b");
        call(second, putBack, "c3");
        ok(server.post(path(putBack, "requeue"), second, null));

        JsonObject moved = server.issue(kiosk, "svc-b");
        call(second, moved, "c3");
        ok(server.post(path(moved, "start"), second, null));
        JsonObject successor = ok(server.post(path(moved, "transfer"), second,
                new JsonObject().put("serviceId", "svc-c")));

        JsonObject movedAndCalled = server.issue(kiosk, "svc-b");
        call(second, movedAndCalled, "c3");
        JsonObject calledSuccessor = ok(server.post(path(movedAndCalled, "transfer"), second,
                new JsonObject().put("serviceId", "svc-c")));
        call(second, calledSuccessor, "c3");
        ok(server.post(path(calledSuccessor, "start"), second, null));

        JsonObject absent = server.issue(kiosk, "svc-a");
        call(third, absent, "c2");
        ok(server.post(path(absent, "no-show"), third, null));
        ok(server.post(path(server.issue(kiosk, "svc-a"), "cancel"), first, null));

        List<String> byRow = rows("SELECT * FROM ticket_fact_source ORDER BY ticket_id");
        server.sql("CREATE VIEW fact_source_by_events AS " + viewOfV21());
        try {
            List<String> byEvents = rows("SELECT * FROM fact_source_by_events ORDER BY ticket_id");
            assertThat(byRow).hasSize(11).containsExactlyElementsOf(byEvents);
        } finally {
            server.sql("DROP VIEW fact_source_by_events");
        }
        assertThat(successor.getString("status")).isEqualTo("WAITING");
        assertThat(server.sql("SELECT f.origin FROM ticket t JOIN ticket_fact_source f ON f.ticket_id = t.id"
                + " WHERE t.ended_at IS NULL AND t.first_called_at IS NULL").stream().map(row -> row.getString(0)))
                .as("open tickets never called, read from their row").contains("ISSUE", "TRANSFER_IN");
    }

    private static void call(String agent, JsonObject ticket, String counterId) {
        ok(server.post(path(ticket, "call"), agent, new JsonObject().put("counterId", counterId)));
    }

    private static String path(JsonObject ticket, String action) {
        return "/api/v1/tickets/" + ticket.getLong("id") + "/" + action;
    }

    /** Every column of every row, as text, in the view's order of columns. */
    private static List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        for (Row row : server.sql(query)) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                text.append(row.getColumnName(column)).append('=').append(row.getValue(column)).append(' ');
            }
            rows.add(text.toString());
        }
        return rows;
    }

    /** The SELECT of ticket_fact_source as migration V21 defined it: every ticket's facts from its events. */
    private static String viewOfV21() throws IOException {
        try (InputStream in = FactSourceTest.class.getResourceAsStream(MIGRATION_V21)) {
            String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = migration.indexOf(VIEW_START) + VIEW_START.length();
            return migration.substring(start, migration.indexOf(VIEW_END, start) + VIEW_END.length() - 1);
        }
    }
}
