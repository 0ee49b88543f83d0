package org.guichet.kiosk.testing;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the server's database directly, to see what really happened (tickets, device health). Always through the
 * server running at the time: a test may stop and restart it.
 */
public final class Database {

    private static final String COUNT_TICKETS = "SELECT count(*) FROM ticket";
    private static final String TICKETS = """
            SELECT prefix || lpad(seq::text, 3, '0') AS number, service_id, priority, language, status_token,
                   idempotency_key, issuer_device_id
              FROM ticket ORDER BY id""";
    private static final String DEVICE_HEALTH = "SELECT health, last_seen_at FROM device WHERE id = $1";

    private final Supplier<TestServer> server;

    Database(Supplier<TestServer> server) {
        this.server = server;
    }

    public long ticketCount() {
        return server.get().sql(COUNT_TICKETS).getFirst().getLong(0);
    }

    /** Every ticket, oldest first, as column name → value. */
    public List<Map<String, String>> tickets() {
        return server.get().sql(TICKETS).stream().map(Database::asText).toList();
    }

    /** The last health report of a device, or an empty object. */
    public JsonObject deviceHealth(String deviceId) {
        return device(deviceId).map(row -> row.getJsonObject("health")).orElseGet(JsonObject::new);
    }

    public OffsetDateTime deviceLastSeen(String deviceId) {
        return device(deviceId).map(row -> row.getOffsetDateTime("last_seen_at")).orElse(null);
    }

    private Optional<Row> device(String deviceId) {
        return server.get().sql(DEVICE_HEALTH, deviceId).stream().findFirst();
    }

    private static Map<String, String> asText(Row row) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int column = 0; column < row.size(); column++) {
            Object value = row.getValue(column);
            columns.put(row.getColumnName(column), value == null ? null : value.toString());
        }
        return columns;
    }
}
