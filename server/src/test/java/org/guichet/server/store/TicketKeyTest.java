package org.guichet.server.store;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guichet.server.testing.TestServer.ok;

/**
 * What identifies a ticket is indexed in ticket_key (V33), written with the ticket by whatever statement inserts it,
 * so that the updates of a visit no longer write those indexes again: each ticket has its key row, the number is
 * still taken once, and a transfer's successor shares the visitor's number and link.
 */
class TicketKeyTest {

    private static final String KEY_OF = """
            SELECT k.site_id, k.prefix, k.service_day = t.service_day AS same_day, k.seq, k.successor, k.status_token,
                   k.idempotency_key, k.issued_at = t.issued_at AS same_issue
            FROM ticket_key k JOIN ticket t ON t.id = k.ticket_id WHERE k.ticket_id = $1""";
    /** A second ticket with the number of ticket $1, written straight into the table as a faulty writer would. */
    private static final String SAME_NUMBER_AGAIN = """
            INSERT INTO ticket (site_id, service_id, room_id, prefix, seq, service_day, priority, language, status,
                                status_token, arrival_at, issued_at)
            SELECT site_id, service_id, room_id, prefix, seq, service_day, priority, language, 'WAITING',
                   'another-token', now(), now()
            FROM ticket WHERE id = $1""";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void an_issued_ticket_has_its_key_row_with_its_number_link_and_request_key() {
        JsonObject issued = TestServer.status(server.post("/api/v1/tickets", server.tokenOf("kiosk-1"),
                new JsonObject().put("serviceId", "svc-a").put("idempotencyKey", "key-row-1")), 201)
                .bodyAsJsonObject();

        Row key = only(server.sql(KEY_OF, issued.getLong("id")));
        assertThat(key.getString("site_id")).isEqualTo("s1");
        assertThat(key.getString("prefix") + "%03d".formatted(key.getInteger("seq")))
                .isEqualTo(issued.getString("number"));
        assertThat(key.getBoolean("same_day")).isTrue();
        assertThat(key.getBoolean("same_issue")).isTrue();
        assertThat(key.getBoolean("successor")).isFalse();
        assertThat(key.getString("status_token")).isEqualTo(issued.getString("statusToken"));
        assertThat(key.getString("idempotency_key")).isEqualTo("key-row-1");
    }

    @Test
    void a_number_already_taken_is_refused_by_the_database_and_nothing_is_written() {
        JsonObject issued = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        long tickets = count("SELECT count(*) FROM ticket");

        assertThatThrownBy(() -> server.sql(SAME_NUMBER_AGAIN, issued.getLong("id")))
                .hasRootCauseInstanceOf(PgException.class).rootCause().hasMessageContaining("ticket_key_number");

        assertThat(count("SELECT count(*) FROM ticket")).isEqualTo(tickets);
        assertThat(count("SELECT count(*) FROM ticket_key")).isEqualTo(tickets);
    }

    @Test
    void a_transferred_tickets_successor_keeps_the_number_and_the_link_and_the_link_finds_it() {
        String agent = server.agentAtCounter("key.agent", "s1", "c1");
        JsonObject issued = server.inService(agent, "c1", "svc-a");
        long successor = ok(server.post("/api/v1/tickets/" + issued.getLong("id") + "/transfer", agent,
                new JsonObject().put("serviceId", "svc-b"))).getLong("id");

        Row key = only(server.sql(KEY_OF, successor));
        assertThat(key.getBoolean("successor")).isTrue();
        assertThat(key.getString("prefix") + "%03d".formatted(key.getInteger("seq")))
                .isEqualTo(issued.getString("number"));
        assertThat(key.getString("status_token")).isEqualTo(issued.getString("statusToken"));
        JsonObject page = ok(server.get("/api/v1/public/tickets/" + issued.getString("statusToken"), null));
        assertThat(page.getString("status")).as("the visitor's link shows the successor, not the ticket transferred")
                .isEqualTo("WAITING");
        assertThat(page.getString("serviceName")).isEqualTo("Service B");
        assertThat(page.getString("number")).isEqualTo(issued.getString("number"));
    }

    private static Row only(List<Row> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static long count(String sql) {
        return server.sql(sql).get(0).getLong(0);
    }
}
