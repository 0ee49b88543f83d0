package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.QueueSummary;

import java.time.Clock;
import java.time.Instant;

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
}
