package org.guichet.server.realtime;

import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.stats.Alerts;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device alerts against a real server and PostgreSQL: a device of the deployment that never connected is reported, not
 * counted among those that respond; a screen's live connection is counted per socket, so that closing a second tab that
 * used its token raises nothing while the first is open, and closing the last one does.
 */
class DevicePresenceAlertsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perTest();

    private static List<String> alertKeys(String siteId) {
        Map<String, List<Alerts.Alert>> bySite = TestServer.await(server.services().alerts().check());
        return bySite.get(siteId).stream().map(Alerts.Alert::key).toList();
    }

    private static int liveSockets(String deviceId) {
        return server.services().alerts().presence().liveConnections(deviceId);
    }

    private static void heartbeat(String token, boolean connected) {
        TestServer.ok(server.post("/api/v1/devices/heartbeat", token,
                new JsonObject().put("kind", "screen").put("connected", connected)));
    }

    @Test
    void a_kiosk_and_a_screen_that_never_connected_are_reported_rather_than_counted_as_responding() {
        assertThat(alertKeys("s2")).containsExactlyInAnyOrder("never:kiosk-2", "never:screen-2");

        JsonObject live = TestServer.ok(server.get("/api/v1/stats/live?siteId=s2", server.adminToken()));
        assertThat(live.getJsonArray("alerts").stream().map(JsonObject.class::cast)
                .filter(alert -> "never".equals(alert.getString("kind"))).map(alert -> alert.getString("name")))
                .containsExactlyInAnyOrder("Borne 2", "Écran salle 2");

        server.post("/api/v1/devices/heartbeat", server.deviceToken("kiosk-2"),
                new JsonObject().put("kind", "kiosk").put("state", "READY"));
        assertThat(alertKeys("s2")).containsExactly("never:screen-2");
    }

    @Test
    void closing_a_second_socket_of_a_screen_leaves_it_connected_and_closing_the_last_one_raises_the_alert() {
        String token = server.deviceToken("screen-1");
        String room = Addresses.room("r1");
        try (BridgeSocket first = BridgeSocket.connect(server.vertx(), server.port());
             BridgeSocket second = BridgeSocket.connect(server.vertx(), server.port())) {
            first.register(room, token);
            first.awaitRegistered(room);
            second.register(room, token);
            second.awaitRegistered(room);
            heartbeat(token, true);
            Eventually.await("the server counting both sockets", () -> liveSockets("screen-1") == 2);
            assertThat(alertKeys("s1")).doesNotContain("disconnected:screen-1", "never:screen-1");

            // The second tab goes: its socket closes, and its last report says it is not connected.
            second.close();
            heartbeat(token, false);
            assertThat(alertKeys("s1")).doesNotContain("disconnected:screen-1");
            Eventually.await("the server counting one socket left", () -> liveSockets("screen-1") == 1);
            assertThat(alertKeys("s1")).doesNotContain("disconnected:screen-1");

            // The first one, still open, still receives the room's messages.
            server.vertx().eventBus().publish(room, new JsonObject().put("type", "still-here"));
            assertThat(first.nextOn(room, "still-here")).isNotNull();

            // The last socket closes, though the screen's last report said it was connected: the alert is raised.
            heartbeat(token, true);
            first.close();
            Eventually.await("no socket left", () -> liveSockets("screen-1") == 0);
            Eventually.await("screen-1 reported disconnected", () -> alertKeys("s1").contains("disconnected:screen-1"));
        }
    }
}
