package org.guichet.server.auth;

import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.PasswordRules;
import org.guichet.server.domain.Failure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Agent accounts, their sessions, and device tokens. */
public final class AuthService {

    public static final String INTERNAL_REVOKED_ADDRESS = "guichet.internal.auth.revoked";

    private static final String SELECT_AGENTS_WITH_SITES = """
            SELECT a.id, a.username, a.display_name, a.password_hash, a.role, a.active,
                   coalesce(array_agg(s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}') AS site_ids
            FROM agent a LEFT JOIN agent_site s ON s.agent_id = a.id
            """;
    private static final String SELECT_AGENT_BY_USERNAME =
            SELECT_AGENTS_WITH_SITES + "WHERE a.username = $1 GROUP BY a.id";
    private static final String SELECT_AGENT_BY_ID = SELECT_AGENTS_WITH_SITES + "WHERE a.id = $1 GROUP BY a.id";
    private static final String INSERT_SESSION =
            "INSERT INTO agent_session (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
    private static final String SELECT_SESSION = """
            SELECT a.id, a.username, a.role,
                   coalesce(array_agg(s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}') AS site_ids
            FROM agent_session ss
            JOIN agent a ON a.id = ss.agent_id AND a.active
            LEFT JOIN agent_site s ON s.agent_id = a.id
            WHERE ss.token_hash = $1 AND ss.expires_at > $2
            GROUP BY a.id""";
    private static final String DELETE_SESSION = "DELETE FROM agent_session WHERE token_hash = $1";
    private static final String DELETE_AGENT_SESSIONS = "DELETE FROM agent_session WHERE agent_id = $1";
    private static final String SELECT_DEVICE = """
            SELECT id, kind, site_id, room_id, counter_id FROM device WHERE token_hash = $1 AND revoked_at IS NULL""";
    private static final String SELECT_DEVICE_LANGUAGE = "SELECT language FROM device WHERE id = $1";
    private static final String INSERT_AGENT = """
            INSERT INTO agent (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
            ON CONFLICT (username) DO NOTHING RETURNING id""";
    private static final String INSERT_AGENT_SITE = "INSERT INTO agent_site (agent_id, site_id) VALUES ($1, $2)";
    private static final String SELECT_AGENT_ID = "SELECT id FROM agent WHERE username = $1";
    private static final String UPDATE_PASSWORD = "UPDATE agent SET password_hash = $2 WHERE id = $1";
    private static final String COUNT_ADMINS = "SELECT count(*) FROM agent WHERE role = 'admin' AND active";
    private static final String SET_DEVICE_TOKEN = """
            UPDATE device SET token_hash = $2, revoked_at = NULL WHERE id = $1 RETURNING id""";
    private static final String REVOKE_DEVICE = """
            UPDATE device SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING token_hash""";
    private static final String SELECT_AGENTS = SELECT_AGENTS_WITH_SITES + "GROUP BY a.id ORDER BY a.username";

    private static final long CACHE_MILLIS = 5_000;

    private record Cached(Principal principal, long until) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final Duration sessionLifetime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AuthService(Vertx vertx, Pool pool, Clock clock, PasswordHasher hasher, Duration sessionLifetime) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
        this.hasher = hasher;
        this.sessionLifetime = sessionLifetime;
        vertx.eventBus().<String>consumer(INTERNAL_REVOKED_ADDRESS, message -> cache.remove(message.body()));
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    /** Resolves a bearer token to its principal; fails with 401 when unknown, expired or revoked. */
    public Future<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture(Failure.unauthenticated("Log in first (missing bearer token)."));
        }
        byte[] hash = Tokens.hash(token);
        String key = HexFormat.of().formatHex(hash);
        Cached cached = cache.get(key);
        long nowMillis = clock.millis();
        if (cached != null && cached.until() > nowMillis) {
            return Future.succeededFuture(cached.principal());
        }
        Future<Principal> lookup;
        if (token.startsWith(Tokens.DEVICE_PREFIX)) {
            lookup = pool.preparedQuery(SELECT_DEVICE).execute(Tuple.of(Buffer.buffer(hash))).map(rows -> {
                if (rows.size() == 0) {
                    throw Failure.unauthenticated("This device token is unknown or has been revoked.");
                }
                Row row = rows.iterator().next();
                return Principal.device(row.getString("id"), row.getString("kind"), row.getString("site_id"),
                        row.getString("room_id"), row.getString("counter_id"));
            });
        } else {
            lookup = pool.preparedQuery(SELECT_SESSION).execute(Tuple.of(Buffer.buffer(hash), now())).map(rows -> {
                if (rows.size() == 0) {
                    throw Failure.unauthenticated("session_expired", "Your session has expired; please log in again.");
                }
                Row row = rows.iterator().next();
                return Principal.agent(row.getLong("id"), row.getString("username"), Role.parse(row.getString("role")),
                        Set.of(row.getArrayOfStrings("site_ids")));
            });
        }
        return lookup.onSuccess(principal -> cache.put(key, new Cached(principal, nowMillis + CACHE_MILLIS)));
    }

    public Future<JsonObject> login(String username, String password) {
        return pool.preparedQuery(SELECT_AGENT_BY_USERNAME).execute(Tuple.of(username))
                .compose(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    // Verify against a throwaway hash when the user is unknown, so timing does not reveal usernames.
                    return vertx.executeBlocking(() -> hasher.verify(password,
                                    row == null ? dummyHash() : row.getString("password_hash")), false)
                            .map(ok -> {
                                if (!ok || row == null || !row.getBoolean("active")) {
                                    throw Failure.unauthenticated("invalid_credentials", "Wrong username or password.");
                                }
                                return row;
                            });
                })
                .compose(row -> {
                    String token = Tokens.newToken(Tokens.AGENT_PREFIX);
                    OffsetDateTime now = now();
                    OffsetDateTime expires = now.plus(sessionLifetime);
                    return pool.preparedQuery(INSERT_SESSION)
                            .execute(Tuple.of(Buffer.buffer(Tokens.hash(token)), row.getLong("id"), now, expires))
                            .map(done -> new JsonObject()
                                    .put("token", token)
                                    .put("expiresAt", expires.toInstant().toString())
                                    .put("agent", agentJson(row)));
                });
    }

    public Future<Void> logout(String token) {
        String key = HexFormat.of().formatHex(Tokens.hash(token));
        cache.remove(key);
        // Live event-bus connections opened with this session end too (see realtime.EventBusBridge).
        return pool.preparedQuery(DELETE_SESSION).execute(Tuple.of(Buffer.buffer(Tokens.hash(token))))
                .onSuccess(done -> vertx.eventBus().publish(INTERNAL_REVOKED_ADDRESS, key))
                .mapEmpty();
    }

    public Future<JsonObject> agent(long agentId) {
        return pool.preparedQuery(SELECT_AGENT_BY_ID).execute(Tuple.of(agentId)).map(rows -> {
            if (rows.size() == 0) {
                throw Failure.notFound("No agent " + agentId + ".");
            }
            return agentJson(rows.iterator().next());
        });
    }

    public Future<JsonArray> agents() {
        return pool.query(SELECT_AGENTS).execute().map(rows -> {
            JsonArray agents = new JsonArray();
            rows.forEach(row -> agents.add(agentJson(row)));
            return agents;
        });
    }

    /** Creates an agent; fails with 409 if the username is taken. */
    public Future<JsonObject> createAgent(String username, String displayName, String password, Role role,
                                          List<String> siteIds) {
        var problem = PasswordRules.problemWith(password);
        if (problem.isPresent()) {
            return Future.failedFuture(Failure.invalid(problem.get()));
        }
        if (role != Role.ADMIN && siteIds.isEmpty()) {
            return Future.failedFuture(Failure.invalid("An agent or supervisor needs at least one site."));
        }
        return vertx.executeBlocking(() -> hasher.hash(password), false)
                .compose(hash -> pool.withTransaction(conn -> conn.preparedQuery(INSERT_AGENT)
                        .execute(Tuple.of(username, displayName, hash, role.dbName()))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                throw Failure.conflict("username_taken", "Username '" + username + "' is taken.");
                            }
                            long id = rows.iterator().next().getLong(0);
                            List<Tuple> links = siteIds.stream().map(site -> Tuple.of(id, site)).toList();
                            Future<RowSet<Row>> inserted = links.isEmpty()
                                    ? Future.succeededFuture()
                                    : conn.preparedQuery(INSERT_AGENT_SITE).executeBatch(links);
                            return inserted.map(done -> id);
                        })))
                .compose(this::agent);
    }

    public Future<Void> changePassword(long agentId, String currentPassword, String newPassword) {
        var problem = PasswordRules.problemWith(newPassword);
        if (problem.isPresent()) {
            return Future.failedFuture(Failure.invalid(problem.get()));
        }
        return pool.preparedQuery(SELECT_AGENT_BY_ID).execute(Tuple.of(agentId))
                .compose(rows -> {
                    String stored = rows.iterator().next().getString("password_hash");
                    return vertx.executeBlocking(() -> {
                        if (!hasher.verify(currentPassword == null ? "" : currentPassword, stored)) {
                            throw Failure.notAllowed("invalid_credentials", "The current password is wrong.");
                        }
                        return hasher.hash(newPassword);
                    }, false);
                })
                .compose(hash -> pool.preparedQuery(UPDATE_PASSWORD).execute(Tuple.of(agentId, hash)))
                .mapEmpty();
    }

    /** Resets an agent's password and ends its sessions; used by administrators and by the demo. */
    public Future<Void> setPassword(long agentId, String newPassword) {
        return vertx.executeBlocking(() -> hasher.hash(newPassword), false)
                .compose(hash -> pool.preparedQuery(UPDATE_PASSWORD).execute(Tuple.of(agentId, hash)))
                .compose(done -> pool.preparedQuery(DELETE_AGENT_SESSIONS).execute(Tuple.of(agentId)))
                .onSuccess(done -> cache.clear())
                .mapEmpty();
    }

    public Future<java.util.Optional<Long>> agentId(String username) {
        return pool.preparedQuery(SELECT_AGENT_ID).execute(Tuple.of(username)).map(rows -> rows.size() == 0
                ? java.util.Optional.empty() : java.util.Optional.of(rows.iterator().next().getLong(0)));
    }

    public Future<Boolean> hasAdmin() {
        return pool.query(COUNT_ADMINS).execute().map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    /** Gives a device a new token (replacing any previous one) and returns it; only its hash is kept. */
    public Future<String> issueDeviceToken(String deviceId) {
        String token = Tokens.newToken(Tokens.DEVICE_PREFIX);
        return pool.preparedQuery(SET_DEVICE_TOKEN).execute(Tuple.of(deviceId, Buffer.buffer(Tokens.hash(token))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Failure.notFound("No device '" + deviceId + "'.");
                    }
                    return token;
                });
    }

    /** The language a device speaks to visitors, as registered (French when none is set). */
    public Future<String> deviceLanguage(String deviceId) {
        return pool.preparedQuery(SELECT_DEVICE_LANGUAGE).execute(Tuple.of(deviceId)).map(rows -> {
            String language = rows.size() == 0 ? null : rows.iterator().next().getString(0);
            return language == null || language.isBlank() ? "fr" : language;
        });
    }

    public Future<Void> revokeDevice(String deviceId) {
        return pool.preparedQuery(REVOKE_DEVICE).execute(Tuple.of(deviceId, now())).map(rows -> {
            if (rows.size() == 0) {
                throw Failure.notFound("No active device '" + deviceId + "'.");
            }
            Buffer hash = rows.iterator().next().getBuffer(0);
            if (hash != null) {
                vertx.eventBus().publish(INTERNAL_REVOKED_ADDRESS, HexFormat.of().formatHex(hash.getBytes()));
            }
            return null;
        });
    }

    private String dummyHash() {
        return DUMMY_HASH.computeIfAbsent(hasher, h -> h.hash("not a password"));
    }

    private static final Map<PasswordHasher, String> DUMMY_HASH = new ConcurrentHashMap<>();

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    static JsonObject agentJson(Row row) {
        return new JsonObject()
                .put("id", row.getLong("id"))
                .put("username", row.getString("username"))
                .put("displayName", row.getString("display_name"))
                .put("role", row.getString("role"))
                .put("active", row.getBoolean("active"))
                .put("siteIds", new JsonArray(List.of(row.getArrayOfStrings("site_ids"))));
    }
}
