package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AgentRules;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.SsoClaims;
import org.guichet.server.domain.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Single sign-on: sign-ons under way (by the hash of their state), identities at providers linked to accounts, and
 * sign-ons done waiting for their page (by the hash of a one-time code).
 */
public final class IdentityStore {

    static final String DELETE_EXPIRED_LOGINS = "DELETE FROM sso_login WHERE expires_at <= $1";
    static final String INSERT_LOGIN = """
            INSERT INTO sso_login (state_hash, browser_hash, nonce, code_verifier, app, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6)""";
    /** Used once: taken away whether or not it has expired, and answered only when it has not. */
    static final String TAKE_LOGIN = """
            DELETE FROM sso_login WHERE state_hash = $1
            RETURNING browser_hash, nonce, code_verifier, app, expires_at > $2 AS live""";
    static final String TOUCH_IDENTITY = """
            UPDATE agent_identity SET last_login_at = $3 WHERE issuer = $1 AND subject = $2 RETURNING agent_id""";
    static final String INSERT_AGENT = """
            INSERT INTO agent (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
            ON CONFLICT (username) DO NOTHING RETURNING id""";
    static final String INSERT_AGENT_SITE = "INSERT INTO agent_site (agent_id, site_id) VALUES ($1, $2)";
    static final String INSERT_IDENTITY = """
            INSERT INTO agent_identity (issuer, subject, agent_id, created_at, last_login_at) VALUES ($1, $2, $3, $4, $4)""";
    static final String LOCK_NETWORK_ADMINS = """
            SELECT a.id FROM agent a
            WHERE a.role = 'admin' AND a.active AND NOT EXISTS (SELECT 1 FROM agent_site s WHERE s.agent_id = a.id)
            ORDER BY a.id FOR UPDATE""";
    static final String COUNT_NETWORK_ADMINS = """
            SELECT count(*) FROM agent a
            WHERE a.role = 'admin' AND a.active AND NOT EXISTS (SELECT 1 FROM agent_site s WHERE s.agent_id = a.id)""";
    static final String UPDATE_ROLE = "UPDATE agent SET role = $2, version = version + 1 WHERE id = $1";
    static final String DELETE_AGENT_SITES = "DELETE FROM agent_site WHERE agent_id = $1";
    static final String DELETE_AGENT_SESSIONS = "DELETE FROM agent_session WHERE agent_id = $1 RETURNING token_hash";
    static final String DELETE_EXPIRED_HANDOFFS = "DELETE FROM sso_handoff WHERE expires_at <= $1";
    static final String INSERT_HANDOFF =
            "INSERT INTO sso_handoff (code_hash, agent_id, id_token, expires_at) VALUES ($1, $2, $3, $4)";
    static final String TAKE_HANDOFF = """
            DELETE FROM sso_handoff WHERE code_hash = $1 RETURNING agent_id, id_token, expires_at > $2 AS live""";

    /** A sign-on under way, as stored when the browser left for the provider. */
    public record Login(byte[] browserHash, String nonce, String codeVerifier, String app) {
    }

    /** A sign-on done: whose it is, and its ID token (for the provider's log-out). */
    public record Handoff(long agentId, String idToken) {
    }

    private final Pool pool;

    public IdentityStore(Pool pool) {
        this.pool = pool;
    }

    /** Keeps a sign-on under way until {@code expiresAt}; the expired ones go. */
    public Future<Void> insertLogin(byte[] stateHash, Login login, Instant now, Instant expiresAt) {
        return pool.preparedQuery(DELETE_EXPIRED_LOGINS).execute(Tuple.of(Sql.utc(now)))
                .compose(done -> pool.preparedQuery(INSERT_LOGIN).execute(Tuple.of(Buffer.buffer(stateHash),
                        Buffer.buffer(login.browserHash()), login.nonce(), login.codeVerifier(), login.app(),
                        Sql.utc(expiresAt))))
                .mapEmpty();
    }

    /** Takes a sign-on under way by its state's hash: it can be taken once; empty when unknown, used or expired. */
    public Future<Optional<Login>> takeLogin(byte[] stateHash, Instant now) {
        return pool.preparedQuery(TAKE_LOGIN).execute(Tuple.of(Buffer.buffer(stateHash), Sql.utc(now))).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            if (!row.getBoolean("live")) {
                return Optional.empty();
            }
            return Optional.of(new Login(row.getBuffer("browser_hash").getBytes(), row.getString("nonce"),
                    row.getString("code_verifier"), row.getString("app")));
        });
    }

    /** The account linked to an identity, its last sign-on noted; empty when none is. */
    public Future<Optional<Long>> linkedAgent(String issuer, String subject, Instant now) {
        return pool.preparedQuery(TOUCH_IDENTITY).execute(Tuple.of(issuer, subject, Sql.utc(now)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    /**
     * Creates an account linked to the identity, with its access and audit entry (made for the new id), in one
     * transaction; its password hash is a marker no password matches. Empty when the username is taken.
     */
    public Future<Optional<Long>> createLinked(String username, String displayName, SsoClaims.Access access,
                                               String issuer, String subject, Instant now,
                                               LongFunction<AuditEntry> entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT_AGENT)
                .execute(Tuple.of(username, displayName, "!sso", access.role().dbName()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<Long>empty());
                    }
                    long id = rows.iterator().next().getLong(0);
                    return insertSites(conn, id, access.siteIds())
                            .compose(done -> conn.preparedQuery(INSERT_IDENTITY)
                                    .execute(Tuple.of(issuer, subject, id, Sql.utc(now))))
                            .compose(done -> AuditStore.append(conn, List.of(entry.apply(id))))
                            .map(done -> Optional.of(id));
                })).recover(Sql::refused);
    }

    /**
     * Gives the account the role and sites its provider says, ends its sessions, with the audit entry, in one
     * transaction; answers the {@link Tokens#key}s of the ended sessions. Fails as a conflict when no active
     * administrator of every site would be left.
     */
    public Future<List<String>> replaceAccess(long agentId, SsoClaims.Access access, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_NETWORK_ADMINS).execute()
                .compose(locked -> conn.preparedQuery(UPDATE_ROLE).execute(Tuple.of(agentId,
                        access.role().dbName())))
                .compose(done -> conn.preparedQuery(DELETE_AGENT_SITES).execute(Tuple.of(agentId)))
                .compose(done -> insertSites(conn, agentId, access.siteIds()))
                .compose(done -> conn.preparedQuery(DELETE_AGENT_SESSIONS).execute(Tuple.of(agentId)))
                .compose(sessions -> AuditStore.append(conn, List.of(entry))
                        .compose(done -> conn.preparedQuery(COUNT_NETWORK_ADMINS).execute())
                        .map(count -> {
                            if (count.iterator().next().getLong(0) == 0) {
                                throw AgentRules.lastNetworkAdmin();
                            }
                            List<String> keys = new ArrayList<>(sessions.size());
                            sessions.forEach(row -> keys.add(Tokens.hex(row.getBuffer("token_hash").getBytes())));
                            return keys;
                        })));
    }

    /** Keeps a sign-on done until {@code expiresAt}, for its page to take with the one-time code; expired ones go. */
    public Future<Void> insertHandoff(byte[] codeHash, long agentId, String idToken, Instant now, Instant expiresAt) {
        return pool.preparedQuery(DELETE_EXPIRED_HANDOFFS).execute(Tuple.of(Sql.utc(now)))
                .compose(done -> pool.preparedQuery(INSERT_HANDOFF).execute(Tuple.of(Buffer.buffer(codeHash),
                        agentId, idToken, Sql.utc(expiresAt))))
                .mapEmpty();
    }

    /** Takes a sign-on done by its code's hash, once; empty when unknown, taken or expired. */
    public Future<Optional<Handoff>> takeHandoff(byte[] codeHash, Instant now) {
        return pool.preparedQuery(TAKE_HANDOFF).execute(Tuple.of(Buffer.buffer(codeHash), Sql.utc(now)))
                .map(rows -> {
                    if (rows.size() == 0 || !rows.iterator().next().getBoolean("live")) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Handoff(row.getLong("agent_id"), row.getString("id_token")));
                });
    }

    private static Future<Void> insertSites(SqlConnection conn, long agentId, List<String> siteIds) {
        List<Tuple> links = siteIds.stream().map(site -> Tuple.of(agentId, site)).toList();
        return links.isEmpty() ? Future.succeededFuture()
                : conn.preparedQuery(INSERT_AGENT_SITE).executeBatch(links).<RowSet<Row>>map(rows -> rows).mapEmpty();
    }
}
