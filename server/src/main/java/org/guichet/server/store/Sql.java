package org.guichet.server.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import org.guichet.server.domain.Failure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions every store needs between Java time and PostgreSQL's timestamptz, and constraint names. */
final class Sql {

    private Sql() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * What the database refused, said in the domain's terms when the request was at fault (a duplicate, a reference
     * to nothing, a value out of range); anything else is passed on as it is.
     */
    static <T> Future<T> refused(Throwable failure) {
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            switch (pg.getSqlState()) {
                case "23505":
                    return Future.failedFuture(Failure.conflict("conflict",
                            "This would duplicate something that already exists."));
                case "23503":
                    return Future.failedFuture(Failure.invalid("A referenced item does not exist."));
                case "23514", "22P02", "22001", "22003", "22007", "22008":
                    return Future.failedFuture(Failure.invalid("A value is out of range or malformed."));
                default:
                    break;
            }
        }
        return Future.failedFuture(failure);
    }

    /** The failure is PostgreSQL refusing a duplicate in the named unique index or constraint. */
    static boolean isUniqueViolation(Throwable failure, String constraint) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
               && pg.getMessage() != null && pg.getMessage().contains(constraint);
    }
}
