package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The connection pool every store shares, configured once. While the database is out of reach its calls fail fast with
 * the domain's "unavailable" failure (see {@link DatabaseOutage}); the pool opens new connections by itself once the
 * database answers again.
 */
public final class Database {

    /**
     * The client caches only statements up to 2,048 characters by default; the issuing statement is longer, and
     * uncached it was parsed and planned again for every batch (measured: 1.6 ms of 7). SqlStatementsTest keeps every
     * statement under this limit.
     */
    public static final int PREPARED_STATEMENT_CACHE_SQL_LIMIT = 32_768;
    /**
     * How long opening a connection may take: PostgreSQL on the same network answers in milliseconds; a host that does
     * not answer at all (a lost machine, a virtual address not yet moved) would otherwise hold requests for the
     * client's 60 s default.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * How long a request waits for a connection from the pool (the client's default is 30 s): past it, the request
     * fails with 503 rather than hanging. Under load a request waits milliseconds for a connection.
     */
    public static final Duration POOL_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
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
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize).setMaxWaitQueueSize(10_000)
                        .setConnectionTimeout((int) POOL_CONNECTION_TIMEOUT.toMillis())
                        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                // Keep-alive: a database machine lost without a word (no reset) is noticed by the system's keep-alive
                // probes (their timing is the host's: docs/operations.md) rather than never.
                .with(new NetClientOptions().setConnectTimeout((int) CONNECT_TIMEOUT.toMillis()).setTcpKeepAlive(true))
                .connectingTo(connectOptions(db))
                .using(vertx)
                .build();
        return new GuardedPool(pool, new DatabaseOutage());
    }

    /** Succeeds when the database answers within {@code timeout}. */
    public static Future<Void> ping(Pool pool, Duration timeout) {
        return pool.query(PING).execute().<Void>mapEmpty().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

}
