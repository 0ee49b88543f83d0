package org.guichet.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When the server closes an HTTP connection, in place of a plain idle timeout. The client is given deadlines, the
 * server's own work is not: a new connection has {@code headerTimeout} to send its first request head, a kept-alive
 * one {@code idleTimeout} after each answer to send the next; a request's body must keep coming, and an answer being
 * sent must keep being taken, at least one byte every {@code idleTimeout}. While the server itself is working on a
 * request (its body in, no answer begun: a 400-account import hashing passwords, a report's query) nothing is cut, so
 * long work is answered instead of being met by a closed connection. A header dripped byte by byte is never idle, but
 * it is cut at its deadline all the same. A connection that became a WebSocket is left to the event-bus bridge, which
 * closes a socket whose client stops pinging. Each HTTP verticle has its own, used on its own event loop.
 */
final class ConnectionDeadlines {

    private final Vertx vertx;
    private final long firstHeadMillis;
    private final long idleMillis;
    /** Open connections, each with its requests under way and the timer that would close it (-1: none). */
    private final Map<HttpConnection, Waiting> connections = new HashMap<>();

    private static final class Waiting {
        int requestsUnderWay;
        long timer = -1;
    }

    ConnectionDeadlines(Vertx vertx, Duration headerTimeout, Duration idleTimeout) {
        this.vertx = vertx;
        this.firstHeadMillis = headerTimeout.toMillis();
        this.idleMillis = idleTimeout.toMillis();
    }

    /** The server's connection handler. */
    void connected(HttpConnection connection) {
        Waiting waiting = new Waiting();
        connections.put(connection, waiting);
        awaitHead(connection, waiting, firstHeadMillis);
        connection.closeHandler(closed -> {
            Waiting gone = connections.remove(connection);
            if (gone != null) {
                cancel(gone);
            }
        });
    }

    /**
     * The router's first handler: a head has come in. The request is watched until its answer has ended (an answer
     * sent from a file may end after the browser's next request is in); then the wait for the next head starts.
     */
    void headReceived(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        Waiting waiting = connections.get(connection);
        if (waiting != null) {
            cancel(waiting);
            waiting.requestsUnderWay++;
            if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                long watch = watch(connection, ctx.request(), ctx.response());
                ctx.addEndHandler(answered -> {
                    vertx.cancelTimer(watch);
                    waiting.requestsUnderWay--;
                    if (waiting.requestsUnderWay == 0 && connections.get(connection) == waiting) {
                        awaitHead(connection, waiting, idleMillis);
                    }
                });
            }
        }
        ctx.next();
    }

    /**
     * Every idle timeout, closes the connection if the client is the one holding the request up (see
     * {@link #waitingOnClient}) and no byte of its body or of the answer moved since the last look.
     */
    private long watch(HttpConnection connection, HttpServerRequest request, HttpServerResponse response) {
        long[] moved = {moved(request, response)};
        return vertx.setPeriodic(idleMillis, check -> {
            long now = moved(request, response);
            boolean stalled = now == moved[0] && waitingOnClient(request.isEnded(), response.headWritten());
            if (stalled || !connections.containsKey(connection)) {
                vertx.cancelTimer(check);
            }
            if (stalled) {
                connection.close();
            }
            moved[0] = now;
        });
    }

    /**
     * Whether a request under way waits on its client: for the rest of its body, or to take the answer begun. With the
     * body in and no answer begun, the server is the one working.
     */
    static boolean waitingOnClient(boolean bodyReceived, boolean answerBegun) {
        return !bodyReceived || answerBegun;
    }

    private static long moved(HttpServerRequest request, HttpServerResponse response) {
        return request.bytesRead() + response.bytesWritten();
    }

    private void awaitHead(HttpConnection connection, Waiting waiting, long millis) {
        cancel(waiting);
        waiting.timer = vertx.setTimer(millis, fired -> {
            waiting.timer = -1;
            if (waiting.requestsUnderWay == 0) {
                connection.close();
            }
        });
    }

    private void cancel(Waiting waiting) {
        if (waiting.timer >= 0) {
            vertx.cancelTimer(waiting.timer);
            waiting.timer = -1;
        }
    }
}
