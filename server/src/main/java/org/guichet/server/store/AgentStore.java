package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.AgentRules;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/** Agents' accounts, their sites, and their sessions (only the SHA-256 of a session token is stored). */
public final class AgentStore {

    private static final String AGENTS_WITH_SITES = """
            SELECT a.id, a.username, a.display_name, a.password_hash, a.role, a.active, a.version,
                   a.must_change_password,
                   coalesce(array_agg(s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}') AS site_ids
            FROM agent a LEFT JOIN agent_site s ON s.agent_id = a.id
            """;
    static final String SELECT_AGENT_BY_USERNAME = AGENTS_WITH_SITES + "WHERE a.username = $1 GROUP BY a.id";
    static final String SELECT_AGENT_BY_ID = AGENTS_WITH_SITES + "WHERE a.id = $1 GROUP BY a.id";
    static final String SELECT_AGENTS = AGENTS_WITH_SITES + "GROUP BY a.id ORDER BY a.username";
    static final String SELECT_AGENT_NAMES = "SELECT id, display_name FROM agent WHERE id = ANY($1)";
    static final String INSERT_SESSION =
            "INSERT INTO agent_session (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
    static final String SELECT_SESSION = """
            SELECT a.id, a.username, a.role, a.must_change_password,
                   coalesce(array_agg(s.site_id) FILTER (WHERE s.site_id IS NOT NULL), '{}') AS site_ids
            FROM agent_session ss
            JOIN agent a ON a.id = ss.agent_id AND a.active
            LEFT JOIN agent_site s ON s.agent_id = a.id
            WHERE ss.token_hash = $1 AND ss.expires_at > $2
            GROUP BY a.id""";
    static final String DELETE_SESSION = "DELETE FROM agent_session WHERE token_hash = $1";
    static final String DELETE_AGENT_SESSIONS =
            "DELETE FROM agent_session WHERE agent_id = $1 RETURNING token_hash";
    static final String INSERT_AGENT = """
            INSERT INTO agent (username, display_name, password_hash, role, must_change_password)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (username) DO NOTHING RETURNING id""";
    static final String INSERT_AGENT_SITE = "INSERT INTO agent_site (agent_id, site_id) VALUES ($1, $2)";
    /** $3: whether the agent must choose another password at the next log-in (one an administrator set). */
    static final String UPDATE_PASSWORD =
            "UPDATE agent SET password_hash = $2, must_change_password = $3 WHERE id = $1";
    static final String DELETE_OTHER_SESSIONS =
            "DELETE FROM agent_session WHERE agent_id = $1 AND token_hash <> $2 RETURNING token_hash";
    static final String COUNT_ADMINS = "SELECT count(*) FROM agent WHERE role = 'admin' AND active";
    static final String SELECT_TAKEN_USERNAMES = "SELECT username FROM agent WHERE username = ANY($1)";
    /**
     * Taken first by every change that could leave no administrator of every site, so that two such changes (two
     * administrators deactivating each other) run one after the other and the second sees the first.
     */
    static final String LOCK_NETWORK_ADMINS = """
            SELECT a.id FROM agent a
            WHERE a.role = 'admin' AND a.active AND NOT EXISTS (SELECT 1 FROM agent_site s WHERE s.agent_id = a.id)
            ORDER BY a.id FOR UPDATE""";
    static final String COUNT_NETWORK_ADMINS = """
            SELECT count(*) FROM agent a
            WHERE a.role = 'admin' AND a.active AND NOT EXISTS (SELECT 1 FROM agent_site s WHERE s.agent_id = a.id)""";
    /** Only from the version the change was made from; $1 id, $2 that version, $3 display name, $4 role. */
    static final String UPDATE_AGENT = """
            UPDATE agent SET display_name = $3, role = $4, version = version + 1
            WHERE id = $1 AND version = $2 RETURNING id""";
    static final String DELETE_AGENT_SITES = "DELETE FROM agent_site WHERE agent_id = $1";
    static final String SET_ACTIVE = """
            UPDATE agent SET active = $2, version = version + 1 WHERE id = $1 AND active <> $2 RETURNING id""";

    /** An account with its stored password hash, for checking a password; never leaves the services. */
    public record Credentials(Agent agent, String passwordHash, boolean mustChangePassword) {
    }

    /** An account to insert, its password already hashed. */
    public record NewAgent(String username, String displayName, String passwordHash, Role role, List<String> siteIds,
                           boolean mustChangePassword) {
    }

    /**
     * What a change ended: the {@link Tokens#key}s of the account's sessions (so that what was opened with them can
     * end) and the counters it held open, now closed.
     */
    public record Ended(List<String> sessionKeys, List<String> closedCounterIds) {
    }

    private final Pool pool;

    public AgentStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Optional<Credentials>> credentials(String username) {
        return pool.preparedQuery(SELECT_AGENT_BY_USERNAME).execute(Tuple.of(username)).map(AgentStore::credentials);
    }

    public Future<Optional<Credentials>> credentials(long agentId) {
        return pool.preparedQuery(SELECT_AGENT_BY_ID).execute(Tuple.of(agentId)).map(AgentStore::credentials);
    }

    public Future<Optional<Agent>> agent(long agentId) {
        return credentials(agentId).map(found -> found.map(Credentials::agent));
    }

    public Future<List<Agent>> agents() {
        return pool.query(SELECT_AGENTS).execute().map(rows -> {
            List<Agent> agents = new ArrayList<>(rows.size());
            rows.forEach(row -> agents.add(agent(row)));
            return agents;
        });
    }

    /** Display names of the given agents, by id. */
    public Future<Map<Long, String>> names(Long[] agentIds) {
        return pool.preparedQuery(SELECT_AGENT_NAMES).execute(Tuple.of((Object) agentIds)).map(rows -> {
            Map<Long, String> names = new HashMap<>();
            rows.forEach(row -> names.put(row.getLong("id"), row.getString("display_name")));
            return names;
        });
    }

    /**
     * Creates the account with its sites and its audit entry (made for the new id), in one transaction; fails with a
     * conflict when the username is taken.
     */
    public Future<Long> insert(String username, String displayName, String passwordHash, Role role,
                               List<String> siteIds, boolean mustChangePassword, LongFunction<AuditEntry> entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT_AGENT)
                .execute(Tuple.of(username, displayName, passwordHash, role.dbName(), mustChangePassword))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw Failure.conflict("username_taken", "Username '" + username + "' is taken.");
                    }
                    long id = rows.iterator().next().getLong(0);
                    List<Tuple> links = siteIds.stream().map(site -> Tuple.of(id, site)).toList();
                    Future<RowSet<Row>> inserted = links.isEmpty() ? Future.succeededFuture()
                            : conn.preparedQuery(INSERT_AGENT_SITE).executeBatch(links);
                    return inserted.compose(done -> AuditStore.append(conn, List.of(entry.apply(id))))
                            .map(done -> id);
                })).recover(Sql::refused);
    }

    /**
     * Gives the account a new password and ends its sessions, with the audit entry, in one transaction; answers the
     * {@link Tokens#key}s of the ended sessions, so that what was opened with them can end.
     */
    public Future<List<String>> resetPassword(long agentId, String passwordHash, boolean mustChangePassword,
                                              AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(UPDATE_PASSWORD)
                .execute(Tuple.of(agentId, passwordHash, mustChangePassword))
                .compose(done -> conn.preparedQuery(DELETE_AGENT_SESSIONS).execute(Tuple.of(agentId)))
                .compose(rows -> AuditStore.append(conn, List.of(entry)).map(done -> sessionKeys(rows))));
    }

    /**
     * Stores the account as changed, if it is still at {@code fromVersion}, with its audit entry, in one
     * transaction; {@code endSessions}: its sessions end too. Fails as stale, with the account as stored, when it
     * changed meanwhile, and as a conflict when no active administrator of every site would be left.
     */
    public Future<Ended> update(Agent changed, int fromVersion, boolean sitesChanged, boolean endSessions,
                                AuditEntry entry) {
        long id = changed.id();
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_NETWORK_ADMINS).execute()
                .compose(locked -> conn.preparedQuery(UPDATE_AGENT)
                        .execute(Tuple.of(id, fromVersion, changed.displayName(), changed.role().dbName())))
                .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
                        : conn.preparedQuery(SELECT_AGENT_BY_ID).execute(Tuple.of(id)).<Void>map(current -> {
                            Credentials stored = credentials(current).orElseThrow(() ->
                                    Failure.notFound("No agent " + id + "."));
                            throw Failure.stale("Someone changed this account meanwhile; here it is as it is now.",
                                    stored.agent());
                        }))
                .compose(done -> sitesChanged ? replaceSites(conn, id, changed.siteIds()) : Future.<Void>succeededFuture())
                .compose(done -> endSessions ? conn.preparedQuery(DELETE_AGENT_SESSIONS).execute(Tuple.of(id))
                        .map(AgentStore::sessionKeys) : Future.succeededFuture(List.<String>of()))
                .compose(keys -> AuditStore.append(conn, List.of(entry))
                        .compose(done -> requireNetworkAdmin(conn))
                        .map(done -> new Ended(keys, List.of()))))
                .recover(Sql::refused);
    }

    /**
     * Deactivates or reactivates the account, with its audit entry, in one transaction. Deactivating ends its
     * sessions and closes the counters it holds open (recorded as closed at {@code now}); it fails as a conflict when
     * no active administrator of every site would be left, or when the account already is as asked.
     */
    public Future<Ended> setActive(long agentId, boolean active, Instant now, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_NETWORK_ADMINS).execute()
                .compose(locked -> conn.preparedQuery(SET_ACTIVE).execute(Tuple.of(agentId, active)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw Failure.conflict(active ? "already_active" : "already_inactive",
                                "This account is already " + (active ? "active." : "deactivated."));
                    }
                    if (active) {
                        return Future.succeededFuture(new Ended(List.of(), List.of()));
                    }
                    return conn.preparedQuery(DELETE_AGENT_SESSIONS).execute(Tuple.of(agentId))
                            .compose(sessions -> CounterStore.closeHeldBy(conn, agentId, entry.actor().agentId(), now)
                                    .map(counters -> new Ended(sessionKeys(sessions), counters)));
                })
                .compose(ended -> AuditStore.append(conn, List.of(entry))
                        .compose(done -> requireNetworkAdmin(conn))
                        .map(done -> ended)));
    }

    /** Of these usernames, those existing accounts have. */
    public Future<Set<String>> taken(List<String> usernames) {
        return pool.preparedQuery(SELECT_TAKEN_USERNAMES).execute(Tuple.of((Object) usernames.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> taken = new HashSet<>();
                    rows.forEach(row -> taken.add(row.getString(0)));
                    return taken;
                });
    }

    /**
     * Creates all the accounts with their sites and audit entries (made for each one's index and new id), in one
     * transaction: all or none. Answers their ids in order; fails with a conflict when a username is taken.
     */
    public Future<List<Long>> insertAll(List<NewAgent> accounts, BiFunction<Integer, Long, AuditEntry> entry) {
        if (accounts.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<Tuple> rows = accounts.stream().map(account -> Tuple.of(account.username(), account.displayName(),
                account.passwordHash(), account.role().dbName(), account.mustChangePassword())).toList();
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT_AGENT).executeBatch(rows).compose(inserted -> {
            List<Long> ids = new ArrayList<>(accounts.size());
            int index = 0;
            for (RowSet<Row> one = inserted; one != null; one = one.next()) {
                if (one.size() == 0) {
                    throw Failure.conflict("username_taken", "Username '" + accounts.get(index).username()
                            + "' was taken meanwhile; nothing was imported. Try again.");
                }
                ids.add(one.iterator().next().getLong(0));
                index++;
            }
            List<Tuple> links = new ArrayList<>();
            List<AuditEntry> entries = new ArrayList<>(accounts.size());
            for (int i = 0; i < accounts.size(); i++) {
                long id = ids.get(i);
                accounts.get(i).siteIds().forEach(site -> links.add(Tuple.of(id, site)));
                entries.add(entry.apply(i, id));
            }
            Future<RowSet<Row>> sites = links.isEmpty() ? Future.succeededFuture()
                    : conn.preparedQuery(INSERT_AGENT_SITE).executeBatch(links);
            return sites.compose(done -> AuditStore.append(conn, entries)).map(done -> ids);
        })).recover(Sql::refused);
    }

    private static Future<Void> replaceSites(SqlConnection conn, long agentId, List<String> siteIds) {
        List<Tuple> links = siteIds.stream().map(site -> Tuple.of(agentId, site)).toList();
        return conn.preparedQuery(DELETE_AGENT_SITES).execute(Tuple.of(agentId))
                .compose(done -> links.isEmpty() ? Future.<RowSet<Row>>succeededFuture()
                        : conn.preparedQuery(INSERT_AGENT_SITE).executeBatch(links))
                .mapEmpty();
    }

    private static Future<Void> requireNetworkAdmin(SqlConnection conn) {
        return conn.preparedQuery(COUNT_NETWORK_ADMINS).execute().map(rows -> {
            if (rows.iterator().next().getLong(0) == 0) {
                throw AgentRules.lastNetworkAdmin();
            }
            return null;
        });
    }

    /**
     * Gives the account a new password, no longer one to change, and ends its sessions but the one making the change,
     * in one transaction; answers the {@link Tokens#key}s of the ended sessions, so that what was opened with them
     * can end.
     */
    public Future<List<String>> changePassword(long agentId, String passwordHash, byte[] keptSessionHash) {
        return pool.withTransaction(conn -> conn.preparedQuery(UPDATE_PASSWORD)
                .execute(Tuple.of(agentId, passwordHash, false))
                .compose(done -> conn.preparedQuery(DELETE_OTHER_SESSIONS)
                        .execute(Tuple.of(agentId, Buffer.buffer(keptSessionHash))))
                .map(AgentStore::sessionKeys));
    }

    public Future<Boolean> hasAdmin() {
        return pool.query(COUNT_ADMINS).execute().map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    public Future<Void> insertSession(byte[] tokenHash, long agentId, Instant createdAt, Instant expiresAt) {
        return pool.preparedQuery(INSERT_SESSION)
                .execute(Tuple.of(Buffer.buffer(tokenHash), agentId, Sql.utc(createdAt), Sql.utc(expiresAt)))
                .mapEmpty();
    }

    /** The agent of a live session of an active account. */
    public Future<Optional<Principal>> session(byte[] tokenHash, Instant now) {
        return pool.preparedQuery(SELECT_SESSION).execute(Tuple.of(Buffer.buffer(tokenHash), Sql.utc(now)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(Principal.agent(row.getLong("id"), row.getString("username"),
                            Role.parse(row.getString("role")), Set.of(row.getArrayOfStrings("site_ids")))
                            .withMustChangePassword(row.getBoolean("must_change_password")));
                });
    }

    public Future<Void> deleteSession(byte[] tokenHash) {
        return pool.preparedQuery(DELETE_SESSION).execute(Tuple.of(Buffer.buffer(tokenHash))).mapEmpty();
    }

    private static List<String> sessionKeys(RowSet<Row> rows) {
        List<String> keys = new ArrayList<>(rows.size());
        rows.forEach(row -> keys.add(Tokens.hex(row.getBuffer("token_hash").getBytes())));
        return keys;
    }

    private static Optional<Credentials> credentials(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new Credentials(agent(row), row.getString("password_hash"),
                row.getBoolean("must_change_password")));
    }

    private static Agent agent(Row row) {
        return new Agent(row.getLong("id"), row.getString("username"), row.getString("display_name"),
                Role.parse(row.getString("role")), row.getBoolean("active"), List.of(row.getArrayOfStrings("site_ids")),
                row.getInteger("version"));
    }
}
