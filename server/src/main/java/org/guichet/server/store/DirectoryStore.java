package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The orientation directory: partners shared by every site, changed with an audit entry in the same transaction. */
public final class DirectoryStore {

    static final String SELECT_PARTNERS = """
            SELECT id, name, kind, address, hours, phone, web, keywords, active FROM orientation_partner
            ORDER BY name, id""";
    static final String SELECT_PARTNER = """
            SELECT id, name, kind, address, hours, phone, web, keywords, active FROM orientation_partner WHERE id = $1""";
    /** Answers the entry as it was before ({@code existed} false for a new one). */
    static final String UPSERT_PARTNER = """
            WITH before AS (SELECT * FROM orientation_partner WHERE id = $1)
            INSERT INTO orientation_partner (id, name, kind, address, hours, phone, web, keywords, active, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, address = $4, hours = $5, phone = $6, web = $7,
                                           keywords = $8, active = $9, updated_at = $10
            RETURNING (SELECT count(*) FROM before) > 0 AS existed""";

    private final Pool pool;

    public DirectoryStore(Pool pool) {
        this.pool = pool;
    }

    public Future<List<Partner>> all() {
        return pool.query(SELECT_PARTNERS).execute().map(rows -> {
            List<Partner> partners = new ArrayList<>();
            rows.forEach(row -> partners.add(partner(row)));
            return partners;
        });
    }

    public Future<Optional<Partner>> find(String id) {
        return pool.preparedQuery(SELECT_PARTNER).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(partner(rows.iterator().next())));
    }

    /** Creates or replaces an entry; answers whether it existed. */
    public Future<Boolean> save(Partner partner, Instant now, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(UPSERT_PARTNER)
                .execute(Tuple.of(partner.id(), partner.name(), partner.kind(), partner.address(), partner.hours(),
                                partner.phone(), partner.web())
                        .addValue(partner.keywords().toArray(String[]::new)).addValue(partner.active())
                        .addValue(Sql.utc(now)))
                .compose(rows -> AuditStore.append(conn, List.of(entry))
                        .map(done -> rows.iterator().next().getBoolean("existed"))));
    }

    private static Partner partner(Row row) {
        return new Partner(row.getString("id"), row.getString("name"), row.getString("kind"),
                row.getString("address"), row.getString("hours"), row.getString("phone"), row.getString("web"),
                List.of(row.getArrayOfStrings("keywords")), row.getBoolean("active"));
    }
}
