package org.guichet.server.queue;

import org.guichet.server.domain.ServiceDay;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.guichet.server.domain.Catalog;
import org.guichet.server.store.CatalogStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How many wait in each of today's queues and since when, read from the counts the database keeps (queue_length) and
 * the head of each queue: a few rows per service, however long the queues are.
 */
public final class WaitingQueues {

    /** One service's queue today: how many wait, and since when the oldest arrived. */
    public record Queue(String siteId, String serviceId, int waiting, Instant oldestArrival) {

        public long longestWaitSeconds(Instant now) {
            return Math.max(0, Duration.between(oldestArrival, now).toSeconds());
        }

        /** Someone has waited longer than the service's target. */
        public boolean overTarget(int targetWaitMinutes, Instant now) {
            return waiting > 0 && longestWaitSeconds(now) > targetWaitMinutes * 60L;
        }
    }

    static final String SELECT_QUEUES = """
            SELECT q.site_id, q.service_id, q.service_day, q.waiting,
                   (SELECT min(t.arrival_at) FROM ticket t
                    WHERE t.site_id = q.site_id AND t.service_id = q.service_id AND t.service_day = q.service_day
                      AND t.status = 'WAITING') AS oldest
            FROM queue_length q
            WHERE q.waiting > 0 AND q.service_day >= $1 AND ($2::text IS NULL OR q.site_id = $2)""";

    private final Pool pool;
    private final CatalogStore catalogs;

    public WaitingQueues(Pool pool, CatalogStore catalogs) {
        this.pool = pool;
        this.catalogs = catalogs;
    }

    /** The non-empty queues of the service day each site is in at {@code now}: of one site, or of all if null. */
    public Future<List<Queue>> today(String siteId, Instant now) {
        // Every zone's service day is on or after yesterday in UTC; each row is then checked against its own site.
        LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        return pool.preparedQuery(SELECT_QUEUES).execute(Tuple.of(earliest, siteId)).map(rows -> {
            Catalog catalog = catalogs.get();
            List<Queue> queues = new ArrayList<>();
            for (Row row : rows) {
                Catalog.Site site = catalog.sites().get(row.getString("site_id"));
                if (site == null || row.getValue("oldest") == null
                        || !row.getLocalDate("service_day").equals(ServiceDay.of(now, site.zone()))) {
                    continue;
                }
                queues.add(new Queue(site.id(), row.getString("service_id"), row.getInteger("waiting"),
                        row.getOffsetDateTime("oldest").toInstant()));
            }
            return queues;
        });
    }
}
