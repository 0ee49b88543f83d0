package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.guichet.server.store.Database;

/** Whether this instance can serve: its database answers. */
public final class Health {

    private final Pool pool;

    public Health(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> database() {
        return Database.ping(pool);
    }
}
