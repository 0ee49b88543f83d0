package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Device;
import org.guichet.server.domain.PairingCodes;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Registered kiosks and screens: their tokens (only the SHA-256 is stored), revocation, pairing codes (only a selector
 * and the SHA-256), and reported health.
 */
public final class DeviceStore {

    static final String SELECT_BY_TOKEN = """
            SELECT id, kind, site_id, room_id, counter_id FROM device WHERE token_hash = $1 AND revoked_at IS NULL""";
    /** $1 now, $2 the wrong guesses that burn a pairing code: a pending code's expiry, or null. */
    static final String SELECT_DEVICES = """
            SELECT d.id, d.site_id, d.kind, d.name, d.room_id, d.counter_id, d.language, d.revoked_at, d.last_seen_at,
                   d.health, d.token_hash IS NOT NULL AS has_token,
                   CASE WHEN p.used_at IS NULL AND p.failed_attempts < $2 AND p.expires_at > $1 THEN p.expires_at END
                       AS pairing_expires_at
            FROM device d LEFT JOIN device_pairing p ON p.device_id = d.id
            ORDER BY d.site_id, d.id""";
    static final String SELECT_DEVICE = """
            SELECT d.id, d.site_id, d.kind, d.name, d.room_id, d.counter_id, d.language, d.revoked_at, d.last_seen_at,
                   d.health, d.token_hash IS NOT NULL AS has_token,
                   CASE WHEN p.used_at IS NULL AND p.failed_attempts < $3 AND p.expires_at > $2 THEN p.expires_at END
                       AS pairing_expires_at
            FROM device d LEFT JOIN device_pairing p ON p.device_id = d.id
            WHERE d.id = $1""";
    /** Answers the hash of the token it replaces (null when there was none). */
    static final String SET_TOKEN = """
            UPDATE device d SET token_hash = $2, revoked_at = NULL
            FROM (SELECT id, token_hash FROM device WHERE id = $1 FOR UPDATE) previous
            WHERE d.id = previous.id
            RETURNING d.id, previous.token_hash AS previous_hash""";
    static final String REVOKE = """
            UPDATE device SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING token_hash""";
    /** A device's new pairing code replaces any earlier one, spent or not. */
    static final String UPSERT_PAIRING = """
            INSERT INTO device_pairing (device_id, selector, code_hash, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (device_id) DO UPDATE SET selector = EXCLUDED.selector, code_hash = EXCLUDED.code_hash,
                created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at, failed_attempts = 0,
                used_at = NULL""";
    static final String SELECT_PAIRING_FOR_UPDATE = """
            SELECT p.device_id, d.kind, p.code_hash, p.expires_at, p.failed_attempts, p.used_at
            FROM device_pairing p JOIN device d ON d.id = p.device_id
            WHERE p.selector = $1
            FOR UPDATE OF p""";
    static final String COUNT_WRONG_GUESS =
            "UPDATE device_pairing SET failed_attempts = failed_attempts + 1 WHERE device_id = $1";
    static final String MARK_PAIRING_USED = "UPDATE device_pairing SET used_at = $2 WHERE device_id = $1";
    static final String SET_PAIRED_TOKEN = """
            UPDATE device d SET token_hash = $2, revoked_at = NULL
            FROM (SELECT id, token_hash FROM device WHERE id = $1 FOR UPDATE) previous
            WHERE d.id = previous.id
            RETURNING d.id, d.kind, d.site_id, d.room_id, d.counter_id, previous.token_hash AS previous_hash""";
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

    /** Every device, with its pending pairing code's expiry as of now. */
    public Future<List<Device>> all(Instant now) {
        return pool.preparedQuery(SELECT_DEVICES).execute(Tuple.of(Sql.utc(now), PairingCodes.MAX_WRONG_GUESSES))
                .map(rows -> {
            List<Device> devices = new ArrayList<>(rows.size());
            rows.forEach(row -> devices.add(device(row)));
            return devices;
        });
    }

    public Future<Optional<Device>> device(String deviceId, Instant now) {
        return pool.preparedQuery(SELECT_DEVICE)
                .execute(Tuple.of(deviceId, Sql.utc(now), PairingCodes.MAX_WRONG_GUESSES))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(device(rows.iterator().next())));
    }

    /**
     * Replaces the device's token (and lifts a revocation), with its audit entry, in one transaction. Answers the
     * {@link Tokens#key} of the token it replaced ("" when it had none), so that what was opened with it can be
     * closed, or empty when there is no such device.
     */
    public Future<Optional<String>> setToken(String deviceId, byte[] tokenHash, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(SET_TOKEN)
                .execute(Tuple.of(deviceId, Buffer.buffer(tokenHash)))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<String>empty())
                        : AuditStore.append(conn, List.of(entry))
                                .map(done -> Optional.of(key(rows.iterator().next().getBuffer("previous_hash"))))));
    }

    private static String key(Buffer hash) {
        return hash == null ? "" : Tokens.hex(hash.getBytes());
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

    /**
     * Gives the device a new pairing code (replacing any earlier one), with its audit entry, in one transaction; false
     * when another device's code has the same selector (the caller draws another code).
     */
    public Future<Boolean> startPairing(String deviceId, String selector, byte[] codeHash, Instant now,
                                        Instant expiresAt, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(UPSERT_PAIRING)
                        .execute(Tuple.of(deviceId, selector, Buffer.buffer(codeHash), Sql.utc(now),
                                Sql.utc(expiresAt)))
                        .compose(rows -> AuditStore.append(conn, List.of(entry))).map(done -> true))
                .recover(failure -> Sql.isUniqueViolation(failure, "device_pairing_selector")
                        ? Future.succeededFuture(false) : Sql.refused(failure));
    }

    /**
     * What a guess at a pairing code came to; when redeemed, the device as its new token now authenticates it and
     * the {@link Tokens#key} of the token that stopped working ("" when none).
     */
    public record Redemption(PairingCodes.Verdict verdict, Principal device, String previousTokenKey) {
    }

    /**
     * Redeems a guess at a pairing code (found by its selector, checked by its hash) in one transaction: a right,
     * live code is marked used and the device given the new token, with the audit entry {@code audit} makes for it;
     * a wrong guess at a live code is counted against it. Answers what the guess came to.
     */
    public Future<Redemption> redeemPairing(String selector, byte[] guessHash, Set<String> kinds, Instant now,
                                            byte[] newTokenHash, Function<Principal, AuditEntry> audit) {
        return pool.withTransaction(conn -> conn.preparedQuery(SELECT_PAIRING_FOR_UPDATE).execute(Tuple.of(selector))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(new Redemption(PairingCodes.Verdict.WRONG, null, null));
                    }
                    Row row = rows.iterator().next();
                    PairingCodes.Pairing pairing = new PairingCodes.Pairing(row.getString("device_id"),
                            row.getString("kind"), row.getBuffer("code_hash").getBytes(), Sql.instant(row, "expires_at"),
                            row.getInteger("failed_attempts"), Sql.instant(row, "used_at"));
                    PairingCodes.Verdict verdict = pairing.verdict(guessHash, kinds, now);
                    if (verdict == PairingCodes.Verdict.WRONG) {
                        return pairing.live(now)
                                ? conn.preparedQuery(COUNT_WRONG_GUESS).execute(Tuple.of(pairing.deviceId()))
                                        .map(done -> new Redemption(verdict, null, null))
                                : Future.succeededFuture(new Redemption(verdict, null, null));
                    }
                    if (verdict != PairingCodes.Verdict.REDEEM) {
                        return Future.succeededFuture(new Redemption(verdict, null, null));
                    }
                    return conn.preparedQuery(MARK_PAIRING_USED).execute(Tuple.of(pairing.deviceId(), Sql.utc(now)))
                            .compose(done -> conn.preparedQuery(SET_PAIRED_TOKEN)
                                    .execute(Tuple.of(pairing.deviceId(), Buffer.buffer(newTokenHash))))
                            .compose(updated -> {
                                Row device = updated.iterator().next();
                                Principal principal = Principal.device(device.getString("id"),
                                        device.getString("kind"), device.getString("site_id"),
                                        device.getString("room_id"), device.getString("counter_id"));
                                return AuditStore.append(conn, List.of(audit.apply(principal)))
                                        .map(appended -> new Redemption(verdict, principal,
                                                key(device.getBuffer("previous_hash"))));
                            });
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
                row.getValue("health") instanceof JsonObject health ? health : null,
                Sql.instant(row, "pairing_expires_at"));
    }
}
