package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.TransactionPropagation;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The pool every store uses: the client's own, whose every outcome goes through {@link DatabaseOutage}, so that a
 * database out of reach reaches the services as the domain's "unavailable" failure, whatever the store was doing.
 * The client itself reconnects: a request after the database is back gets a new connection.
 */
final class GuardedPool implements Pool {

    private final Pool pool;
    private final DatabaseOutage outage;

    GuardedPool(Pool pool, DatabaseOutage outage) {
        this.pool = pool;
        this.outage = outage;
    }

    boolean isDown() {
        return outage.isDown();
    }

    private <T> Future<T> guard(Future<T> outcome) {
        return outcome.transform(result -> {
            if (result.succeeded()) {
                outage.answered();
                return Future.succeededFuture(result.result());
            }
            return Future.failedFuture(outage.failed(result.cause()));
        });
    }

    @Override
    public Future<SqlConnection> getConnection() {
        return guard(pool.getConnection());
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return new GuardedQuery<>(pool.query(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return new GuardedPreparedQuery<>(pool.preparedQuery(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return new GuardedPreparedQuery<>(pool.preparedQuery(sql, options));
    }

    @Override
    public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> function) {
        return guard(pool.withTransaction(function));
    }

    @Override
    public <T> Future<T> withTransaction(TransactionPropagation txPropagation,
                                         Function<SqlConnection, Future<T>> function) {
        return guard(pool.withTransaction(txPropagation, function));
    }

    @Override
    public <T> Future<T> withConnection(Function<SqlConnection, Future<T>> function) {
        return guard(pool.withConnection(function));
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }

    private final class GuardedQuery<T> implements Query<T> {

        private final Query<T> query;

        GuardedQuery(Query<T> query) {
            this.query = query;
        }

        @Override
        public Future<T> execute() {
            return guard(query.execute());
        }

        @Override
        public <R> Query<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
            return new GuardedQuery<>(query.collecting(collector));
        }

        @Override
        public <U> Query<RowSet<U>> mapping(Function<Row, U> mapper) {
            return new GuardedQuery<>(query.mapping(mapper));
        }
    }

    private final class GuardedPreparedQuery<T> implements PreparedQuery<T> {

        private final PreparedQuery<T> query;

        GuardedPreparedQuery(PreparedQuery<T> query) {
            this.query = query;
        }

        @Override
        public Future<T> execute() {
            return guard(query.execute());
        }

        @Override
        public Future<T> execute(Tuple tuple) {
            return guard(query.execute(tuple));
        }

        @Override
        public Future<T> executeBatch(List<Tuple> batch) {
            return guard(query.executeBatch(batch));
        }

        @Override
        public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
            return new GuardedPreparedQuery<>(query.collecting(collector));
        }

        @Override
        public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
            return new GuardedPreparedQuery<>(query.mapping(mapper));
        }
    }
}
