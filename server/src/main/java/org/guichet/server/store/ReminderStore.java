package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SMS reminders of phone tickets ({@code ticket_reminder}): the sealed number until it is sent or dropped. */
public final class ReminderStore {

    static final String INSERT = """
            INSERT INTO ticket_reminder (ticket_id, site_id, phone_cipher, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (ticket_id) DO NOTHING""";
    /** Pending reminders, oldest first, with their ticket's status token (which its transfers share). */
    static final String PENDING = """
            SELECT r.ticket_id, r.site_id, t.status_token FROM ticket_reminder r JOIN ticket t ON t.id = r.ticket_id
            WHERE r.status = 'PENDING' ORDER BY r.created_at LIMIT $1""";
    /** One node claims a reminder to send it; the number comes out sealed. */
    static final String CLAIM = """
            UPDATE ticket_reminder SET status = 'SENDING' WHERE ticket_id = $1 AND status = 'PENDING'
            RETURNING phone_cipher""";
    /** $2: SENT, FAILED or DROPPED; the number is erased. */
    static final String FINISH = """
            UPDATE ticket_reminder SET status = $2, phone_cipher = NULL, done_at = $3, failure = $4
            WHERE ticket_id = $1 AND status IN ('PENDING', 'SENDING')""";
    static final String COUNTS = "SELECT status, count(*) AS n FROM ticket_reminder GROUP BY status";

    /** A reminder waiting to be sent: the ticket it was asked for, and that ticket's status token. */
    public record Pending(long ticketId, String siteId, String statusToken) {
    }

    private final Pool pool;

    public ReminderStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> insert(long ticketId, String siteId, byte[] sealedNumber, Instant now) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(ticketId, siteId, Buffer.buffer(sealedNumber),
                Sql.utc(now))).mapEmpty();
    }

    public Future<List<Pending>> pending(int limit) {
        return pool.preparedQuery(PENDING).execute(Tuple.of(limit)).map(rows -> {
            List<Pending> pending = new ArrayList<>();
            for (Row row : rows) {
                pending.add(new Pending(row.getLong("ticket_id"), row.getString("site_id"),
                        row.getString("status_token")));
            }
            return pending;
        });
    }

    /** The sealed number, if this call claimed the reminder (another node did not first). */
    public Future<Optional<byte[]>> claim(long ticketId) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(ticketId)).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(rows.iterator().next().getBuffer("phone_cipher").getBytes()));
    }

    public Future<Void> finish(long ticketId, String status, String failure, Instant now) {
        return pool.preparedQuery(FINISH).execute(Tuple.of(ticketId, status, Sql.utc(now), failure)).mapEmpty();
    }

    /** How many reminders are in each status. */
    public Future<java.util.Map<String, Long>> counts() {
        return pool.preparedQuery(COUNTS).execute().map(ReminderStore::byStatus);
    }

    private static java.util.Map<String, Long> byStatus(RowSet<Row> rows) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        rows.forEach(row -> counts.put(row.getString("status"), row.getLong("n")));
        return counts;
    }
}
