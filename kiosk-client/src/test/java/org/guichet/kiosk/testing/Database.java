package org.guichet.kiosk.testing;

import io.vertx.core.json.JsonObject;
import org.guichet.server.store.DatabaseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the server's database directly, to see what really happened (tickets, device health). */
public final class Database {

    private static final String COUNT_TICKETS = "SELECT count(*) FROM ticket";
    private static final String TICKETS = """
            SELECT prefix || lpad(seq::text, 3, '0') AS number, service_id, priority, language, status_token,
                   idempotency_key, issuer_device_id
              FROM ticket ORDER BY id""";
    private static final String DEVICE_HEALTH = "SELECT health::text, last_seen_at FROM device WHERE id = ?";

    private final DatabaseSettings settings;

    public Database(DatabaseSettings settings) {
        this.settings = settings;
    }

    public long ticketCount() {
        return query(COUNT_TICKETS, rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    /** Every ticket, oldest first, as column name → value. */
    public List<Map<String, String>> tickets() {
        return query(TICKETS, rows -> {
            List<Map<String, String>> tickets = new ArrayList<>();
            while (rows.next()) {
                Map<String, String> ticket = new LinkedHashMap<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    ticket.put(rows.getMetaData().getColumnLabel(column), rows.getString(column));
                }
                tickets.add(ticket);
            }
            return tickets;
        });
    }

    /** The last health report of a device, or an empty object. */
    public JsonObject deviceHealth(String deviceId) {
        return query(DEVICE_HEALTH, rows -> rows.next() ? new JsonObject(rows.getString(1)) : new JsonObject(),
                deviceId);
    }

    public OffsetDateTime deviceLastSeen(String deviceId) {
        return query(DEVICE_HEALTH, rows -> rows.next() ? rows.getObject(2, OffsetDateTime.class) : null, deviceId);
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
