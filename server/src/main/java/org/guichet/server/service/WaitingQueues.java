package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.ServiceDay;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.store.TicketStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * How many wait in each of today's queues and since when, read from the counts the database keeps (queue_length) and
 * the head of each queue: a few rows per service, however long the queues are.
 */
public final class WaitingQueues {

    private final TicketStore tickets;
    private final Catalogs catalogs;

    public WaitingQueues(TicketStore tickets, Catalogs catalogs) {
        this.tickets = tickets;
        this.catalogs = catalogs;
    }

    /** The non-empty queues of the service day each site is in at {@code now}: of one site, or of all if null. */
    public Future<List<WaitingQueue>> today(String siteId, Instant now) {
        return todayOf(siteId == null ? null : List.of(siteId), now);
    }

    /** The same for several sites in one read (null: all). */
    public Future<List<WaitingQueue>> todayOf(Collection<String> siteIds, Instant now) {
        // Every zone's service day is on or after yesterday in UTC; each row is then checked against its own site.
        LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        return tickets.queues(earliest, siteIds).map(rows -> {
            Catalog catalog = catalogs.get();
            return rows.stream().filter(row -> {
                Catalog.Site site = catalog.sites().get(row.queue().siteId());
                return site != null && row.serviceDay().equals(ServiceDay.of(now, site.zone()));
            }).map(TicketStore.QueueRow::queue).toList();
        });
    }
}
