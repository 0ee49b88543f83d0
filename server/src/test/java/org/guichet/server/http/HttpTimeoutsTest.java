package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.store.Database;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's finding "no HTTP idle or header timeouts": idle or dripping connections were held for ever. With short
 * timeouts (configuration, so that the test is quick): a header dripped byte by byte is cut off, an idle kept-alive
 * connection is closed, a body that stops coming is cut off, and a bridge socket, kept busy by its heartbeat, is not.
 * The server's own work is not cut: a request it works on for longer than the idle timeout is answered (a 400-account
 * import on a slow machine was met by a closed connection while it went on and committed). HSTS is sent when a
 * trusted proxy says the browser came over TLS.
 */
class HttpTimeoutsTest {

    private static final Duration IDLE = Duration.ofMillis(1500);
    private static final Duration HEADER = Duration.ofMillis(1000);

    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withHttp(new HttpSettings(IDLE, HEADER, List.of("127.0.0.1"))));

    /** A raw TCP connection to the server, recording what it reads and whether the server closed it. */
    private record RawConnection(NetClient client, NetSocket socket, StringBuffer received, AtomicBoolean closed) {

        static RawConnection open(Vertx vertx, int port) {
            NetClient client = vertx.createNetClient();
            NetSocket socket = TestServer.await(client.connect(port, "127.0.0.1"));
            StringBuffer received = new StringBuffer();
            AtomicBoolean closed = new AtomicBoolean();
            socket.handler(data -> received.append(data.toString(StandardCharsets.ISO_8859_1)));
            socket.closeHandler(v -> closed.set(true));
            return new RawConnection(client, socket, received, closed);
        }

        void write(String text) {
            socket.write(Buffer.buffer(text, "ISO-8859-1"));
        }

        void awaitClosedByServer(String why) {
            Eventually.await(why, closed::get);
        }

        void close() {
            socket.close();
            client.close();
        }
    }

    @Test
    void a_request_head_dripped_byte_by_byte_is_cut_off() {
        Vertx vertx = server.vertx();
        RawConnection connection = RawConnection.open(vertx, server.port());
        connection.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
        AtomicInteger dripped = new AtomicInteger();
        // A byte every 100 ms: never idle for the idle timeout, but the head is never finished.
        long drip = vertx.setPeriodic(100, id -> {
            connection.write("a");
            dripped.incrementAndGet();
        });
        try {
            connection.awaitClosedByServer("the server closes a connection whose request head drips in");
            assertThat(dripped.get()).as("bytes dripped before the server closed").isPositive();
            assertThat(connection.received().toString()).as("no answer to half a request").isEmpty();
        } finally {
            vertx.cancelTimer(drip);
            connection.close();
        }
    }

    @Test
    void a_connection_that_sends_nothing_is_closed() {
        RawConnection connection = RawConnection.open(server.vertx(), server.port());
        try {
            connection.awaitClosedByServer("the server closes a connection that never sends a request");
        } finally {
            connection.close();
        }
    }

    @Test
    void an_idle_kept_alive_connection_is_closed_after_its_answer() {
        RawConnection connection = RawConnection.open(server.vertx(), server.port());
        try {
            connection.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            Eventually.await("the answer", () -> connection.received().toString().startsWith("HTTP/1.1 200"));
            assertThat(connection.received().toString()).doesNotContainIgnoringCase("connection: close");
            connection.awaitClosedByServer("the server closes a kept-alive connection left idle");
        } finally {
            connection.close();
        }
    }

    @Test
    void a_request_body_that_stops_coming_is_cut_off() {
        RawConnection connection = RawConnection.open(server.vertx(), server.port());
        try {
            connection.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                             + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":");
            connection.awaitClosedByServer("the server closes a connection whose request body stopped coming");
            assertThat(connection.received().toString()).as("no answer to half a body").isEmpty();
        } finally {
            connection.close();
        }
    }

    @Test
    void a_request_the_server_works_on_for_longer_than_the_idle_timeout_is_answered() {
        Vertx vertx = server.vertx();
        Pool locker = Database.pool(vertx, server.database(), 1);
        try {
            SqlConnection holder = TestServer.await(locker.getConnection());
            Transaction holding = TestServer.await(holder.begin());
            // The new account's insert waits behind this lock: no answer can come before it is released.
            TestServer.await(holder.query("LOCK TABLE agent IN SHARE MODE").execute());
            Future<HttpResponse<Buffer>> answer = server.request(HttpMethod.POST, "/api/v1/admin/agents",
                    server.adminToken(), new JsonObject().put("username", "slow.import").put("displayName", "Slow")
                            .put("password", TestServer.INITIAL_AGENT_PASSWORD).put("role", "agent")
                            .put("siteIds", new JsonArray().add("s1")));
            Eventually.await("the insert waits behind the lock", () -> !server.sql(
                    "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .isEmpty());
            // Two idle connections opened one after the other: when both are closed, the request has waited more
            // than twice the idle timeout.
            for (int i = 0; i < 2; i++) {
                RawConnection idle = RawConnection.open(vertx, server.port());
                idle.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
                idle.awaitClosedByServer("an idle connection closed");
                idle.close();
            }
            assertThat(answer.isComplete()).as("no answer while the lock is held").isFalse();
            TestServer.await(holding.commit());
            HttpResponse<Buffer> created = TestServer.await(answer);
            assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
            assertThat(server.sql("SELECT 1 FROM agent WHERE username = 'slow.import'")).hasSize(1);
        } finally {
            TestServer.await(locker.close());
        }
    }

    @Test
    void a_bridge_socket_outlives_the_idle_timeout_and_still_receives() {
        Vertx vertx = server.vertx();
        String address = "guichet.ticket.abcdefghijklmnop0123";
        ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
        AtomicBoolean bridgeClosed = new AtomicBoolean();
        // SockJS' WebSocket transport, as the apps' sockjs-client uses it: "o" on open, "h" heartbeats, "a[...]".
        // The handlers are set before connecting: the server sends "o" at once, which would race a handler set after.
        var client = vertx.createWebSocketClient();
        var unconnected = client.webSocket();
        unconnected.textMessageHandler(frames::add);
        unconnected.closeHandler(v -> bridgeClosed.set(true));
        WebSocket socket = TestServer.await(unconnected.connect(server.port(), "127.0.0.1",
                "/eventbus/000/timeouts/websocket"));
        Eventually.await("the SockJS open frame", () -> frames.contains("o"));
        socket.writeTextMessage(new JsonArray().add(new JsonObject().put("type", "register")
                .put("address", address).encode()).encode());
        // Two idle connections opened after the socket, one after the other: when both are closed, more than twice
        // the idle timeout has passed for the bridge socket, with no message on it.
        for (int i = 0; i < 2; i++) {
            RawConnection idle = RawConnection.open(vertx, server.port());
            idle.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            idle.awaitClosedByServer("an idle connection closed");
            idle.close();
        }
        assertThat(bridgeClosed).as("the bridge socket is still open").isFalse();
        assertThat(frames).as("heartbeats kept it busy").contains("h");
        vertx.eventBus().publish(address, new JsonObject().put("type", "probe-after-idle"));
        Eventually.await("the message reaches the socket", () -> frames.stream()
                .anyMatch(frame -> frame.contains("probe-after-idle")));
        socket.close();
        client.close();
    }

    @Test
    void hsts_is_sent_when_a_trusted_proxy_says_the_browser_came_over_tls() {
        var overTls = server.send(io.vertx.core.http.HttpMethod.GET, "/", null,
                Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(overTls.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        var plain = server.send(io.vertx.core.http.HttpMethod.GET, "/", null, Map.of("X-Forwarded-Proto", "http"), null);
        assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
    }
}
