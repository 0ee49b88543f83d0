package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.SiteTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Site templates, each change written with its audit entry; and which sites were made from each. */
public final class TemplateStore {

    static final String INSERT_TEMPLATE = """
            INSERT INTO site_template (id, name, body, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO NOTHING RETURNING version""";
    /** Written only over the version the writer read: a stale one changes nothing. */
    static final String UPDATE_TEMPLATE = """
            UPDATE site_template SET name = $2, body = $3, version = version + 1, updated_at = $5
            WHERE id = $1 AND version = $4 RETURNING version""";
    static final String SELECT_TEMPLATE = """
            SELECT t.id, t.name, t.body, t.version, t.updated_at,
                   coalesce(array_agg(s.id ORDER BY s.id) FILTER (WHERE s.id IS NOT NULL), '{}') AS site_ids
            FROM site_template t LEFT JOIN site s ON s.template_id = t.id
            WHERE t.id = $1 GROUP BY t.id""";
    static final String SELECT_TEMPLATES = """
            SELECT t.id, t.name, t.body, t.version, t.updated_at,
                   coalesce(array_agg(s.id ORDER BY s.id) FILTER (WHERE s.id IS NOT NULL), '{}') AS site_ids
            FROM site_template t LEFT JOIN site s ON s.template_id = t.id
            GROUP BY t.id ORDER BY t.id""";

    private final Pool pool;

    public TemplateStore(Pool pool) {
        this.pool = pool;
    }

    public Future<SiteTemplate.Saved> create(String id, String name, JsonObject body, Instant now, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT_TEMPLATE)
                .execute(Tuple.of(id, name, body, Sql.utc(now)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw Failure.conflict("template_exists", "A template '" + id + "' exists already.");
                    }
                    return AuditStore.append(conn, List.of(entry));
                }))
                .map(done -> new SiteTemplate.Saved(id, name, body, 1, now, List.of()));
    }

    /** Empty when the version read is no longer the stored one. */
    public Future<Optional<Integer>> update(String id, int readVersion, String name, JsonObject body, Instant now,
                                            AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(UPDATE_TEMPLATE)
                .execute(Tuple.of(id, name, body, readVersion, Sql.utc(now)))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Integer>empty())
                        : AuditStore.append(conn, List.of(entry))
                        .map(done -> Optional.of(rows.iterator().next().getInteger("version")))));
    }

    public Future<Optional<SiteTemplate.Saved>> get(String id) {
        return pool.preparedQuery(SELECT_TEMPLATE).execute(Tuple.of(id)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(template(rows.iterator().next())));
    }

    public Future<List<SiteTemplate.Saved>> list() {
        return pool.query(SELECT_TEMPLATES).execute().map(rows -> {
            List<SiteTemplate.Saved> templates = new ArrayList<>();
            rows.forEach(row -> templates.add(template(row)));
            return templates;
        });
    }

    private static SiteTemplate.Saved template(Row row) {
        return new SiteTemplate.Saved(row.getString("id"), row.getString("name"), (JsonObject) row.getValue("body"),
                row.getInteger("version"), row.getOffsetDateTime("updated_at").toInstant(),
                List.of(row.getArrayOfStrings("site_ids")));
    }
}
