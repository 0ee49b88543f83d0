package org.guichet.server.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.guichet.server.domain.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a database out of reach from a request the database refused, and is the one place that logs an outage: one
 * warning when it starts, one line when the database answers again, nothing per request in between. A failure that
 * means the database cannot be reached becomes the domain's {@link Failure#unavailable}, which the HTTP layer answers
 * with 503; any other failure passes unchanged.
 */
final class DatabaseOutage {

    static final String CODE = "database_unavailable";
    static final String MESSAGE = "The database cannot be reached just now, so nothing was done. Please try again in "
                                  + "a few seconds.";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final long UP = Long.MIN_VALUE;

    /** When the current outage started (System.nanoTime), or {@link #UP}. */
    private final AtomicLong downSince = new AtomicLong(UP);

    /** The failure to pass on: the domain's "unavailable" when the database is out of reach, else the failure itself. */
    Throwable failed(Throwable failure) {
        String reason = unreachable(failure);
        if (reason == null) {
            return failure;
        }
        if (downSince.compareAndSet(UP, System.nanoTime())) {
            LOG.warn("PostgreSQL cannot be reached ({}); the API answers 503 until it answers again", reason);
        }
        return Failure.unavailable(CODE, MESSAGE);
    }

    /** The database answered. */
    void answered() {
        long since = downSince.get();
        if (since != UP && downSince.compareAndSet(since, UP)) {
            LOG.info("PostgreSQL answers again, after {} s out of reach",
                    Duration.ofNanos(System.nanoTime() - since).toSeconds());
        }
    }

    boolean isDown() {
        return downSince.get() != UP;
    }

    /**
     * Why this failure means the database cannot be reached (a short reason for the log), or null when it does not:
     * no connection (refused, timed out, host unknown, lost), the server shutting down or starting, or a standby that
     * only reads (during a failover, before the switch).
     */
    static String unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String reason = reason(cause);
            if (reason != null) {
                return reason;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof Failure) {
            return null;
        }
        if (cause instanceof PgException pg) {
            return sqlStateReason(pg.getSqlState());
        }
        if (cause instanceof ConnectException) {
            return "no connection: " + cause.getMessage();
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host: " + cause.getMessage();
        }
        if (cause instanceof ClosedConnectionException || cause instanceof ClosedChannelException) {
            return "connection lost";
        }
        if (cause instanceof IOException io && io.getMessage() != null
            && (io.getMessage().contains("Connection reset") || io.getMessage().contains("Broken pipe"))) {
            return "connection lost: " + io.getMessage();
        }
        // The pool's own words when no connection came within its connection timeout ("Timeout waiting for
        // connection" for a query, "Timeout" for a transaction), in a VertxException or a NoStackTraceThrowable.
        if (cause.getClass().getName().startsWith("io.vertx.") && cause.getMessage() != null
            && cause.getMessage().startsWith("Timeout")) {
            return "no connection within the pool's timeout";
        }
        return null;
    }

    /** For a PostgreSQL error code: why it means the database is out of reach, or null. */
    static String sqlStateReason(String sqlState) {
        if (sqlState == null) {
            return null;
        }
        if (sqlState.startsWith("08")) {
            return "connection failure, SQLSTATE " + sqlState;
        }
        return switch (sqlState) {
            case "57P01" -> "the server is shutting down (57P01)";
            case "57P02" -> "the server crashed (57P02)";
            case "57P03" -> "the server is starting or stopping (57P03)";
            case "53300" -> "too many connections (53300)";
            case "25006" -> "the server is a read-only standby (25006)";
            default -> null;
        };
    }
}
