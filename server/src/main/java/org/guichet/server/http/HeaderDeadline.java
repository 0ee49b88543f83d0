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
    /** Connections waiting for a request head, to the timer that closes them. */
    private final Map<HttpConnection, Long> waiting = new HashMap<>();

    HeaderDeadline(Vertx vertx, Duration headerTimeout, Duration idleTimeout) {
        this.vertx = vertx;
        this.firstHeadMillis = headerTimeout.toMillis();
        this.nextHeadMillis = idleTimeout.toMillis();
    }

    /** The server's connection handler. */
    void connected(HttpConnection connection) {
        await(connection, firstHeadMillis);
        connection.closeHandler(closed -> cancel(connection));
    }

    /**
     * The router's first handler: a head has come in; the end of its answer starts the wait for the next, unless the
     * connection became a WebSocket (it has its own heartbeat and the idle timeout).
     */
    void headReceived(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        cancel(connection);
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
            ctx.addEndHandler(answered -> await(connection, nextHeadMillis));
        }
        ctx.next();
    }

    private void await(HttpConnection connection, long millis) {
        cancel(connection);
        waiting.put(connection, vertx.setTimer(millis, fired -> {
            waiting.remove(connection);
            connection.close();
        }));
    }

    private void cancel(HttpConnection connection) {
        Long timer = waiting.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
