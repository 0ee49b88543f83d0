package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.guichet.server.auth.AuthService;
import org.guichet.server.config.Deployments;
import org.guichet.server.queue.CounterService;
import org.guichet.server.queue.QueueService;
import org.guichet.server.realtime.QueueSummaries;
import org.guichet.server.stats.StatsService;
import org.guichet.server.store.CatalogStore;

import java.time.Clock;

/** The services of one server instance, built once and handed to the HTTP layer. */
public record ServerContext(Vertx vertx, Pool pool, Clock clock, CatalogStore catalogs, AuthService auth,
                            QueueService queue, CounterService counters, QueueSummaries summaries,
                            Deployments deployments, StatsService stats) {
}
