package org.guichet.server.service;

import io.vertx.core.Future;
import org.guichet.server.domain.Catalog;
import org.guichet.server.domain.CounterState;
import org.guichet.server.domain.QueueSummary;
import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.domain.stats.Metrics;

import java.time.Instant;
import java.util.List;

/** What the supervisor's live view shows of one site right now: counters, queues, today's figures, alerts. */
public final class LiveSupervision {

    /** One site now. */
    public record Live(Catalog.Site site, Instant at, List<CounterState> counters, QueueSummary queue, Metrics today,
                       List<Alerts.Alert> alerts) {
    }

    private final Counters counters;
    private final QueueSummaries summaries;

    public LiveSupervision(Counters counters, QueueSummaries summaries) {
        this.counters = counters;
        this.summaries = summaries;
    }

    /** @param today today's figures, being read meanwhile */
    public Future<Live> live(Catalog.Site site, Instant now, Future<Metrics> today, List<Alerts.Alert> alerts) {
        Future<List<CounterState>> states = counters.statesOfSite(site.id());
        Future<QueueSummary> queue = summaries.summary(site.id());
        return Future.all(states, queue, today)
                .map(all -> new Live(site, now, states.result(), queue.result(), today.result(), alerts));
    }
}
