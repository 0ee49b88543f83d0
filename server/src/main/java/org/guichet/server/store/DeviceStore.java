package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registered kiosks and screens: their tokens (only the SHA-256 is stored), revocation, and reported health. */
public final class DeviceStore {

    static final String SELECT_BY_TOKEN = """
            SELECT id, kind, site_id, room_id, counter_id FROM device WHERE token_hash = $1 AND revoked_at IS NULL""";
    static final String SELECT_DEVICES = """
            SELECT id, site_id, kind, name, room_id, counter_id, language, revoked_at, last_seen_at, health,
                   token_hash IS NOT NULL AS has_token
            FROM device ORDER BY site_id, id""";
    static final String SELECT_DEVICE = """
            SELECT id, site_id, kind, name, room_id, counter_id, language, revoked_at, last_seen_at, health,
                   token_hash IS NOT NULL AS has_token
            FROM device WHERE id = $1""";
    static final String SET_TOKEN = "UPDATE device SET token_hash = $2, revoked_at = NULL WHERE id = $1 RETURNING id";
    static final String REVOKE = """
            UPDATE device SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING token_hash""";
    static final String UPDATE_HEALTH =
            "UPDATE device SET last_seen_at = $2, health = $3 WHERE id = $1 AND revoked_at IS NULL";

    private final Pool pool;

    public DeviceStore(Pool pool) {
        this.pool = pool;
    }

    /** The device a live (not revoked) token belongs to. */
    public Future<Optional<Principal>> byToken(byte[] tokenHash) {
        return pool.preparedQuery(SELECT_BY_TOKEN).execute(Tuple.of(Buffer.buffer(tokenHash))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(Principal.device(row.getString("id"), row.getString("kind"), row.getString("site_id"),
                    row.getString("room_id"), row.getString("counter_id")));
        });
    }

    public Future<List<Device>> all() {
        return pool.query(SELECT_DEVICES).execute().map(rows -> {
            List<Device> devices = new ArrayList<>(rows.size());
            rows.forEach(row -> devices.add(device(row)));
            return devices;
        });
    }

    public Future<Optional<Device>> device(String deviceId) {
        return pool.preparedQuery(SELECT_DEVICE).execute(Tuple.of(deviceId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(device(rows.iterator().next())));
    }

    /**
     * Replaces the device's token (and lifts a revocation), with its audit entry, in one transaction; false when there
     * is no such device.
     */
    public Future<Boolean> setToken(String deviceId, byte[] tokenHash, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(SET_TOKEN)
                .execute(Tuple.of(deviceId, Buffer.buffer(tokenHash)))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
                        : AuditStore.append(conn, List.of(entry)).map(done -> true)));
    }

    /**
     * Revokes the device, with its audit entry, in one transaction; answers the {@link Tokens#key} of the token it
     * had, so that what was opened with it can be closed, or empty when there was no active device.
     */
    public Future<Optional<String>> revoke(String deviceId, Instant now, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(REVOKE).execute(Tuple.of(deviceId, Sql.utc(now)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<String>empty());
                    }
                    Buffer hash = rows.iterator().next().getBuffer(0);
                    return AuditStore.append(conn, List.of(entry))
                            .map(done -> Optional.of(hash == null ? "" : Tokens.hex(hash.getBytes())));
                }));
    }

    public Future<Void> reportHealth(String deviceId, Instant now, JsonObject health) {
        return pool.preparedQuery(UPDATE_HEALTH).execute(Tuple.of(deviceId, Sql.utc(now), health))
                .recover(Sql::refused).mapEmpty();
    }

    private static Device device(Row row) {
        return new Device(row.getString("id"), row.getString("site_id"), row.getString("kind"), row.getString("name"),
                row.getString("room_id"), row.getString("counter_id"), row.getString("language"),
                row.getValue("revoked_at") != null, row.getBoolean("has_token"), Sql.instant(row, "last_seen_at"),
                row.getValue("health") instanceof JsonObject health ? health : null);
    }
}
