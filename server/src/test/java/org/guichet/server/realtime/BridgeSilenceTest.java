package org.guichet.server.realtime;

import ch.qos.logback.classic.Level;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.LogCapture;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that stops sending (a frozen browser, a tab the browser has put to sleep) while its connection stays up: the
 * bridge's own check of missing pings threw a ClassCastException every 20 s on our guarded sockets and never closed
 * them (seen in the demo's log). Such a socket is now closed after 20 s of silence, within 40 s.
 */
class BridgeSilenceTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_socket_whose_page_has_gone_silent_is_closed_without_an_error() {
        long limit = EventBusBridge.SILENCE_LIMIT.toSeconds();
        try (LogCapture log = LogCapture.start();
             BridgeSocket socket = BridgeSocket.connect(server.vertx(), server.port())) {
            socket.send(new JsonObject().put("type", "ping"));

            assertThat(socket.awaitClosed(2 * limit + 5)).as("the server closed the silent socket").isTrue();
            assertThat(log.events()).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
        }
    }
}
