package org.guichet.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection that does not finish its request head in time. The idle timeout alone cannot: a client that
 * drips one header byte every few seconds is never idle, and a few hundred of them hold as many connections for ever.
 * A new connection has {@code headerTimeout} to send its first request head; a kept-alive one has {@code idleTimeout}
 * after each answer to send the next. Once a request's head is in, its body and its answer take what they need (a
 * bridge socket, a long poll). Each HTTP verticle has its own, used on its own event loop.
 */
final class HeaderDeadline {

    private final Vertx vertx;
    private final long firstHeadMillis;
    private final long nextHeadMillis;
    /** Open connections, each with its requests under way and the timer that would close it (-1: none). */
    private final Map<HttpConnection, Waiting> connections = new HashMap<>();

    private static final class Waiting {
        int requestsUnderWay;
        long timer = -1;
    }

    HeaderDeadline(Vertx vertx, Duration headerTimeout, Duration idleTimeout) {
        this.vertx = vertx;
        this.firstHeadMillis = headerTimeout.toMillis();
        this.nextHeadMillis = idleTimeout.toMillis();
    }

    /** The server's connection handler. */
    void connected(HttpConnection connection) {
        Waiting waiting = new Waiting();
        connections.put(connection, waiting);
        await(connection, waiting, firstHeadMillis);
        connection.closeHandler(closed -> {
            Waiting gone = connections.remove(connection);
            if (gone != null) {
                cancel(gone);
            }
        });
    }

    /**
     * The router's first handler: a head has come in. When the last answer under way on the connection has ended
     * (an answer sent from a file may end after the browser's next request is in), the wait for the next head starts,
     * unless the connection became a WebSocket (it has its own heartbeat and the idle timeout).
     */
    void headReceived(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        Waiting waiting = connections.get(connection);
        if (waiting != null) {
            cancel(waiting);
            waiting.requestsUnderWay++;
            if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                ctx.addEndHandler(answered -> {
                    waiting.requestsUnderWay--;
                    if (waiting.requestsUnderWay == 0 && connections.get(connection) == waiting) {
                        await(connection, waiting, nextHeadMillis);
                    }
                });
            }
        }
        ctx.next();
    }

    private void await(HttpConnection connection, Waiting waiting, long millis) {
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
