package org.guichet.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the server closes an HTTP connection, in place of a plain idle timeout. The client is given deadlines, the
 * server's own work is not: a new connection has {@code headerTimeout} to send its first request head, a kept-alive
 * one {@code idleTimeout} after each answer to send the next; a request's body must keep coming, and an answer being
 * sent must keep being taken, at least one byte every {@code idleTimeout}. While the server itself is working on a
 * request (its body in, no answer begun: a 400-account import hashing passwords, a report's query) nothing is cut, so
 * long work is answered instead of being met by a closed connection. A header dripped byte by byte is never idle, but
 * it is cut at its deadline all the same. A connection that became a WebSocket is left to the event-bus bridge, which
 * closes a socket whose client stops pinging. Each HTTP verticle has its own, used on its own event loop, which looks
 * at its connections a few times per deadline (one timer, not one per request).
 */
final class ConnectionDeadlines {

    /** How many looks per deadline: a connection is cut at most this fraction of its deadline late. */
    private static final int LOOKS_PER_DEADLINE = 4;
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final Vertx vertx;
    private final long firstHeadMillis;
    private final long idleMillis;
    /** Open connections, with their requests under way. */
    private final Map<HttpConnection, Watched> connections = new HashMap<>();
    private long sweep = -1;

    private static final class Watched {
        final List<UnderWay> requests = new ArrayList<>(1);
        /** When the connection is closed unless a head comes first (on {@link #now()}'s clock). */
        long headDue;
        boolean upgraded;
    }

    /** A request under way: how many bytes of its body and answer had moved at the last look, and since when. */
    private static final class UnderWay {
        final HttpServerRequest request;
        final HttpServerResponse response;
        long moved;
        long since;

        UnderWay(HttpServerRequest request, HttpServerResponse response, long now) {
            this.request = request;
            this.response = response;
            this.since = now;
        }
    }

    ConnectionDeadlines(Vertx vertx, Duration headerTimeout, Duration idleTimeout) {
        this.vertx = vertx;
        this.firstHeadMillis = headerTimeout.toMillis();
        this.idleMillis = idleTimeout.toMillis();
    }

    /** Starts looking at the connections; call once, from the verticle that owns them, and {@link #stop} with it. */
    void start() {
        long every = Math.max(1, Math.min(firstHeadMillis, idleMillis) / LOOKS_PER_DEADLINE);
        sweep = vertx.setPeriodic(every, look -> sweep());
    }

    void stop() {
        if (sweep >= 0) {
            vertx.cancelTimer(sweep);
            sweep = -1;
        }
    }

    /** The server's connection handler. */
    void connected(HttpConnection connection) {
        Watched watched = new Watched();
        watched.headDue = now() + firstHeadMillis;
        connections.put(connection, watched);
        connection.closeHandler(closed -> connections.remove(connection));
    }

    /**
     * The router's first handler: a head has come in. The request is watched until its answer has ended (an answer
     * sent from a file may end after the browser's next request is in); then the wait for the next head starts.
     */
    void headReceived(RoutingContext ctx) {
        Watched watched = connections.get(ctx.request().connection());
        if (watched != null) {
            watched.headDue = NO_DEADLINE;
            if ("websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                watched.upgraded = true;
            } else {
                UnderWay request = new UnderWay(ctx.request(), ctx.response(), now());
                watched.requests.add(request);
                ctx.addEndHandler(answered -> {
                    watched.requests.remove(request);
                    if (watched.requests.isEmpty()) {
                        watched.headDue = now() + idleMillis;
                    }
                });
            }
        }
        ctx.next();
    }

    /**
     * Closes the connections past their deadline: no head in time, or a request held up by its client (see
     * {@link #waitingOnClient}) with no byte of its body or of the answer moved for an idle timeout.
     */
    private void sweep() {
        long now = now();
        List<HttpConnection> late = new ArrayList<>();
        connections.forEach((connection, watched) -> {
            if (!watched.upgraded && (now >= watched.headDue || stalled(watched.requests, now))) {
                late.add(connection);
            }
        });
        late.forEach(HttpConnection::close);
    }

    private boolean stalled(List<UnderWay> requests, long now) {
        for (UnderWay underWay : requests) {
            long moved = underWay.request.bytesRead() + underWay.response.bytesWritten();
            if (moved != underWay.moved
                || !waitingOnClient(underWay.request.isEnded(), underWay.response.headWritten())) {
                underWay.moved = moved;
                underWay.since = now;
            } else if (now - underWay.since >= idleMillis) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request under way waits on its client: for the rest of its body, or to take the answer begun. With the
     * body in and no answer begun, the server is the one working.
     */
    static boolean waitingOnClient(boolean bodyReceived, boolean answerBegun) {
        return !bodyReceived || answerBegun;
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
