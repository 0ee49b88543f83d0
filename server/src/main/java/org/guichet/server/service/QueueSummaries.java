package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.domain.WaitingQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Waiting counts per service and per room of a site, now. */
public final class QueueSummaries {

    private final WaitingQueues waitingQueues;
    private final Catalogs catalogs;
    private final Clock clock;

    public QueueSummaries(WaitingQueues waitingQueues, Catalogs catalogs, Clock clock) {
        this.waitingQueues = waitingQueues;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public Future<QueueSummary> summary(String siteId) {
        Catalog catalog = catalogs.get();
        catalog.site(siteId); // an unknown site is "not found" before any query
        Instant now = clock.instant();
        return waitingQueues.today(siteId, now).map(queues -> QueueSummary.of(catalog, siteId, queues, now));
    }

    /**
     * The summaries of several sites from one read of their queues; a site the catalog no longer has is left out
     * (it was removed since it was named).
     */
    public Future<List<QueueSummary>> summaries(Collection<String> siteIds) {
        Catalog catalog = catalogs.get();
        List<String> known = siteIds.stream().filter(catalog.sites()::containsKey).toList();
        if (known.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        Instant now = clock.instant();
        return waitingQueues.todayOf(known, now).map(queues -> {
            Map<String, List<WaitingQueue>> bySite = queues.stream()
                    .collect(Collectors.groupingBy(WaitingQueue::siteId));
            return known.stream()
                    .map(siteId -> QueueSummary.of(catalog, siteId, bySite.getOrDefault(siteId, List.of()), now))
                    .toList();
        });
    }
}
