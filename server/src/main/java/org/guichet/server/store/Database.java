package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The connection pool every store shares, configured once. */
public final class Database {

    /**
     * The client caches only statements up to 2,048 characters by default; the issuing statement is longer, and
     * uncached it was parsed and planned again for every batch (measured: 1.6 ms of 7). SqlStatementsTest keeps every
     * statement under this limit.
     */
    public static final int PREPARED_STATEMENT_CACHE_SQL_LIMIT = 32_768;
    static final String PING = "SELECT 1";

    private Database() {
    }

    public static PgConnectOptions connectOptions(DatabaseSettings db) {
        return new PgConnectOptions()
                .setHost(db.host()).setPort(db.port()).setDatabase(db.database())
                .setUser(db.user()).setPassword(db.password())
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheSqlLimit(PREPARED_STATEMENT_CACHE_SQL_LIMIT);
    }

    public static Pool pool(Vertx vertx, DatabaseSettings db, int maxSize) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize).setMaxWaitQueueSize(10_000))
                .connectingTo(connectOptions(db))
                .using(vertx)
                .build();
    }

    /** Succeeds when the database answers. */
    public static Future<Void> ping(Pool pool) {
        return pool.query(PING).execute().mapEmpty();
    }
}
