package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.AuditQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log. Entries are written by the stores that make the changes, with the same connection, so that a change
 * and its entry commit together; they are read newest first and deleted once older than the retention.
 */
public final class AuditStore {

    static final String INSERT = """
            INSERT INTO audit_log (at, actor_agent_id, actor_username, actor_address, action, entity_kind, entity_id,
                                   site_id, before, after)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    static final String SELECT = """
            SELECT id, at, actor_agent_id, actor_username, actor_address, action, entity_kind, entity_id, site_id,
                   before, after
            FROM audit_log
            WHERE ($1::timestamptz IS NULL OR at >= $1)
              AND ($2::timestamptz IS NULL OR at < $2)
              AND ($3::text IS NULL OR actor_username = $3 OR actor_agent_id::text = $3)
              AND ($4::text IS NULL OR action = $4)
              AND ($5::text IS NULL OR site_id = $5)
              AND ($6::text IS NULL OR entity_kind = $6)
              AND ($7::text IS NULL OR entity_id = $7)
              AND ($8::bigint IS NULL OR id < $8)
              AND ($9::text[] IS NULL OR site_id = ANY($9))
            ORDER BY id DESC
            LIMIT $10""";
    /** One bounded batch, taken only by the server holding the lock, so that one server of a cluster does it. */
    static final String DELETE_OLDER_THAN = """
            WITH turn AS (SELECT pg_try_advisory_xact_lock(hashtext('guichet.audit_retention')) AS mine),
                 expired AS (SELECT id FROM audit_log WHERE at < $1 AND (SELECT mine FROM turn) ORDER BY id LIMIT $2)
            DELETE FROM audit_log WHERE id IN (SELECT id FROM expired)""";

    private final Pool pool;

    public AuditStore(Pool pool) {
        this.pool = pool;
    }

    /** Appends the entries with the given connection, in whatever transaction it is in. */
    static Future<Void> append(SqlClient conn, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = entries.stream().map(entry -> Tuple.of(Sql.utc(entry.at()), entry.actor().agentId(),
                        entry.actor().username(), entry.actor().address(), entry.action(), entry.entityKind(),
                        entry.entityId(), entry.siteId())
                .addValue(entry.before()).addValue(entry.after())).toList();
        return conn.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
    }

    public Future<List<AuditEntry>> list(AuditQuery query) {
        Tuple params = Tuple.of(Sql.utc(query.from()), Sql.utc(query.to()), query.actor(), query.action(),
                        query.siteId(), query.entityKind(), query.entityId(), query.before())
                .addValue(query.siteIds() == null ? null : query.siteIds().toArray(String[]::new))
                .addValue(query.limit());
        return pool.preparedQuery(SELECT).execute(params).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>(rows.size());
            rows.forEach(row -> entries.add(entry(row)));
            return entries;
        });
    }

    /** Deletes up to {@code batch} entries older than {@code before}; answers how many (0 also when another holds the turn). */
    public Future<Integer> deleteOlderThan(Instant before, int batch) {
        return pool.preparedQuery(DELETE_OLDER_THAN).execute(Tuple.of(Sql.utc(before), batch))
                .map(rows -> rows.rowCount());
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getLong("id"), Sql.instant(row, "at"),
                new AuditEntry.Actor(row.getLong("actor_agent_id"), row.getString("actor_username"),
                        row.getString("actor_address")),
                row.getString("action"), row.getString("entity_kind"), row.getString("entity_id"),
                row.getString("site_id"), (JsonObject) row.getValue("before"), (JsonObject) row.getValue("after"));
    }
}
