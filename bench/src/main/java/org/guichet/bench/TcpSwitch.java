package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one address the Guichet server knows its database by, forwarding each connection to whichever PostgreSQL is
 * the primary: what a virtual IP moved by keepalived, a DNS name switched, or HAProxy does in production. Switching
 * it closes the connections to the old target, as moving a virtual IP does; while the target is down, a connection
 * is accepted then closed at once (as HAProxy does with no backend up).
 */
final class TcpSwitch {

    private final Vertx vertx;
    private final NetClient client;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private NetServer server;

    TcpSwitch(Vertx vertx, int targetPort) {
        this.vertx = vertx;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(3_000));
    }

    Future<Integer> listen() {
        server = vertx.createNetServer().connectHandler(this::forward);
        return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
    }

    private void forward(NetSocket downstream) {
        downstream.pause();
        client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
            if (connected.failed()) {
                downstream.close();
                return;
            }
            NetSocket upstream = connected.result();
            open.add(downstream);
            open.add(upstream);
            downstream.closeHandler(closed -> {
                open.remove(downstream);
                upstream.close();
            });
            upstream.closeHandler(closed -> {
                open.remove(upstream);
                downstream.close();
            });
            downstream.handler(upstream::write);
            upstream.handler(downstream::write);
            downstream.resume();
        });
    }

    /** New connections go to {@code port}; the open ones are closed. */
    void switchTo(int port) {
        targetPort = port;
        open.forEach(NetSocket::close);
    }

    Future<Void> close() {
        open.forEach(NetSocket::close);
        return server.close().eventually(client::close);
    }
}
