package org.guichet.server.realtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.LogCapture;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's bridge findings: a frame over the bridge's size limit left a broken socket open for ever (every later
 * frame failed inside Vert.x), and every refused registration wrote a log line, so that anyone without a token could
 * flood the log. Now such a socket is closed, and refusals are counted and summarised.
 */
class BridgeAbuseTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final String VISITOR_ADDRESS = "guichet.ticket.abcdefghijklmnop0123";

    @Test
    void a_frame_over_the_size_limit_closes_the_socket() {
        try (BridgeSocket socket = BridgeSocket.connect(server.vertx(), server.port())) {
            socket.send(new JsonObject().put("type", "ping").put("padding", "x".repeat(300 * 1024)));
            assertThat(socket.awaitClosed(10)).as("the server closed the socket").isTrue();
        }
    }

    @Test
    void a_frame_that_is_not_json_closes_the_socket() {
        try (BridgeSocket socket = BridgeSocket.connect(server.vertx(), server.port())) {
            socket.sendText("{\"type\": \"register\", \"address\": ");
            assertThat(socket.awaitClosed(10)).as("the server closed the socket").isTrue();
        }
    }

    @Test
    void an_unknown_frame_type_or_an_overlong_address_closes_the_socket() {
        try (BridgeSocket socket = BridgeSocket.connect(server.vertx(), server.port())) {
            socket.send(new JsonObject().put("type", "shout").put("address", VISITOR_ADDRESS));
            assertThat(socket.awaitClosed(10)).as("closed after an unknown type").isTrue();
        }
        try (BridgeSocket socket = BridgeSocket.connect(server.vertx(), server.port())) {
            socket.register("guichet.ticket." + "x".repeat(200), null);
            assertThat(socket.awaitClosed(10)).as("closed after an overlong address").isTrue();
        }
    }

    @Test
    void refused_registrations_do_not_write_a_line_each() {
        LogCapture log = LogCapture.start();
        int refusals = 0;
        try (BridgeSocket socket = BridgeSocket.connect(server.vertx(), server.port())) {
            for (int i = 0; i < 40; i++) {
                socket.register("guichet.room.room-a" + i, null);
                socket.register("guichet.room.room-a", "gd_not-a-real-token-" + i);
                socket.register(VISITOR_ADDRESS, null);
                refusals += i == 0 ? 2 : 3; // the first visitor registration is accepted, the others are duplicates
            }
            int expected = refusals;
            List<JsonObject> errors = new java.util.ArrayList<>();
            org.guichet.server.testing.Eventually.await("an error frame for each refusal", () -> {
                socket.drain().stream().filter(frame -> "err".equals(frame.getString("type"))).forEach(errors::add);
                return errors.size();
            }, count -> count >= expected);
            assertThat(errors).hasSize(expected);
        } finally {
            log.close();
        }
        List<ILoggingEvent> warnings = log.events().stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(warnings).as("log lines at WARN or above during the flood")
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
