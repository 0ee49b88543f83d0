package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A bridge socket as the bridge sees it: every frame is checked by {@link BridgeFrames} before the bridge reads it, and
 * a frame that is not one of ours, or that the transport could not take (over its size limit, after which every
 * later frame fails too), closes the socket instead of reaching the bridge, which would answer or log each of them.
 *
 * <p>A socket whose page has sent nothing, its pings included, for the silence limit is closed here too. The bridge's
 * own check of missing pings cannot close it: it casts the socket to its own class first (Vert.x 5.0.7), and threw
 * a {@code ClassCastException} every period instead, leaving the socket open.
 */
final class GuardedSocket implements SockJSSocket {

    private final SockJSSocket socket;
    private final Consumer<String> closedFor;
    private final long silenceCheck;
    /** What the bridge does with a frame from the page; null until it reads the socket. */
    private Handler<Buffer> bridge;
    /** What the bridge does once the socket is closed; null until it sets it. */
    private Handler<Void> onClose;
    private long lastHeardNanos = System.nanoTime();

    /**
     * @param silenceLimit a page silent this long is gone (checked every such period: closed within twice the limit)
     * @param closedFor    told why, each time this socket is closed for a bad frame
     */
    GuardedSocket(SockJSSocket socket, Vertx vertx, Duration silenceLimit, Consumer<String> closedFor) {
        this.socket = socket;
        this.closedFor = closedFor;
        long limitNanos = silenceLimit.toNanos();
        this.silenceCheck = vertx.setPeriodic(silenceLimit.toMillis(), check -> {
            if (System.nanoTime() - lastHeardNanos >= limitNanos) {
                socket.close();
            }
        });
        socket.closeHandler(closed -> {
            vertx.cancelTimer(silenceCheck);
            if (onClose != null) {
                onClose.handle(closed);
            }
        });
    }

    private void closeFor(String reason) {
        closedFor.accept(reason);
        socket.close();
    }

    /** Hands the bridge a frame of ours as if the page had sent it (on the socket's event loop). */
    void fromServer(Buffer frame) {
        if (bridge != null) {
            bridge.handle(frame);
        }
    }

    @Override
    public SockJSSocket handler(Handler<Buffer> handler) {
        bridge = handler;
        socket.handler(handler == null ? null : data -> {
            lastHeardNanos = System.nanoTime();
            String problem = BridgeFrames.problem(data.toString());
            if (problem == null) {
                handler.handle(data);
            } else {
                closeFor(problem);
            }
        });
        return this;
    }

    @Override
    public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
        socket.exceptionHandler(handler == null ? null : failure -> closeFor("oversized or broken frame"));
        return this;
    }

    @Override
    public SockJSSocket pause() {
        socket.pause();
        return this;
    }

    @Override
    public SockJSSocket resume() {
        socket.resume();
        return this;
    }

    @Override
    public SockJSSocket fetch(long amount) {
        socket.fetch(amount);
        return this;
    }

    @Override
    public SockJSSocket endHandler(Handler<Void> endHandler) {
        socket.endHandler(endHandler);
        return this;
    }

    @Override
    public SockJSSocket closeHandler(Handler<Void> closeHandler) {
        onClose = closeHandler;
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        return socket.write(data);
    }

    @Override
    public SockJSSocket setWriteQueueMaxSize(int maxSize) {
        socket.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public SockJSSocket drainHandler(Handler<Void> handler) {
        socket.drainHandler(handler);
        return this;
    }

    @Override
    public String writeHandlerID() {
        return socket.writeHandlerID();
    }

    @Override
    public Future<Void> end() {
        return socket.end();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public void close(int statusCode, String reason) {
        socket.close(statusCode, reason);
    }

    @Override
    public SocketAddress remoteAddress() {
        return socket.remoteAddress();
    }

    @Override
    public SocketAddress localAddress() {
        return socket.localAddress();
    }

    @Override
    public MultiMap headers() {
        return socket.headers();
    }

    @Override
    public String uri() {
        return socket.uri();
    }

    @Override
    public RoutingContext routingContext() {
        return socket.routingContext();
    }

    @Override
    public Session webSession() {
        return socket.webSession();
    }

    @Override
    public User webUser() {
        return socket.webUser();
    }
}
