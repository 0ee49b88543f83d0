package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.PlanImage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Waiting rooms' plans (one image each), written with their audit entry. */
public final class RoomPlanStore {

    static final String UPSERT_PLAN = """
            INSERT INTO room_plan (room_id, media_type, image, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (room_id) DO UPDATE SET media_type = $2, image = $3, updated_at = $4""";
    static final String DELETE_PLAN = "DELETE FROM room_plan WHERE room_id = $1";
    static final String SELECT_PLAN = "SELECT media_type, image FROM room_plan WHERE room_id = $1";
    static final String SELECT_ROOM_KEY = "SELECT id FROM waiting_room WHERE site_id = $1 AND code = $2";

    private final Pool pool;

    public RoomPlanStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> put(String roomId, PlanImage plan, Instant now, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(UPSERT_PLAN)
                .execute(Tuple.of(roomId, plan.mediaType(), Buffer.buffer(plan.bytes()), Sql.utc(now)))
                .compose(done -> AuditStore.append(conn, List.of(entry)))).recover(Sql::refused);
    }

    /** Whether there was a plan to remove. */
    public Future<Boolean> delete(String roomId, AuditEntry entry) {
        return pool.withTransaction(conn -> conn.preparedQuery(DELETE_PLAN).execute(Tuple.of(roomId))
                .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
                        : AuditStore.append(conn, List.of(entry)).map(done -> true)));
    }

    /** The key of a site's room known by its code. */
    public Future<Optional<String>> roomKey(String siteId, String code) {
        return pool.preparedQuery(SELECT_ROOM_KEY).execute(Tuple.of(siteId, code)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(rows.iterator().next().getString("id")));
    }

    public Future<Optional<PlanImage>> get(String roomId) {
        return pool.preparedQuery(SELECT_PLAN).execute(Tuple.of(roomId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new PlanImage(row.getString("media_type"), row.getBuffer("image").getBytes()));
        });
    }
}
