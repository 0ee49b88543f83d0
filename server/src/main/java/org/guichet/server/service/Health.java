package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.guichet.server.store.Database;

import java.time.Duration;

/**
 * Whether this instance can serve. Alive: the process answers (nothing to check here). Ready: it has finished
 * starting, is not stopping, and its database answers within {@link #READY_TIMEOUT}, so that a load balancer sends
 * requests only to a node that can carry them out.
 */
public final class Health {

    /** Short enough for a load balancer's check interval; PostgreSQL answers SELECT 1 in a millisecond. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(2);

    private final Pool pool;
    private volatile boolean serving;

    public Health(Pool pool) {
        this.pool = pool;
    }

    /** The instance has started every part: from now on it is ready whenever its database answers. */
    public void started() {
        serving = true;
    }

    /** The instance is stopping: not ready any more, so that load balancers drain it. */
    public void stopping() {
        serving = false;
    }

    /** Whether the database answers within {@link #READY_TIMEOUT}, whatever this instance's state (metrics). */
    public Future<Void> database() {
        return Database.ping(pool, READY_TIMEOUT);
    }

    /** True when this instance has started and its database answers in time; never fails. */
    public Future<Boolean> ready() {
        if (!serving) {
            return Future.succeededFuture(false);
        }
        return Database.ping(pool, READY_TIMEOUT).map(true).otherwise(false);
    }
}
