package org.guichet.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;

import java.util.Collection;

/**
 * What a waiting-room screen's browser says and hears on the event-bus bridge, for benchmarks that stand in for
 * screens with raw WebSockets: the register frame with the screen's device token, the pings that keep the socket
 * open, and the calls it hears.
 */
final class BridgeScreen {

    static final String PATH = "/eventbus/websocket";
    /** The bridge closes a socket that has not pinged for 20 s; the browsers ping every 5 s. */
    static final long PING_MILLIS = 5_000;

    private BridgeScreen() {
    }

    static String roomAddress(String roomId) {
        return "guichet.room." + roomId;
    }

    /** Listens to a waiting room's address as the screen device whose token is given. */
    static void register(WebSocket socket, String roomId, String screenToken) {
        socket.writeTextMessage(new JsonObject().put("type", "register").put("address", roomAddress(roomId))
                .put("headers", new JsonObject().put("token", screenToken)).encode());
    }

    /** Pings every socket of the collection from now on, as the browsers do; answers the timer's id. */
    static long keepAlive(Vertx vertx, Collection<WebSocket> sockets) {
        String ping = new JsonObject().put("type", "ping").encode();
        return vertx.setPeriodic(PING_MILLIS, id -> sockets.forEach(socket -> socket.writeTextMessage(ping)));
    }

    /** A frame the bridge sent: a message delivered to the screen, or the bridge's refusal. */
    record Frame(boolean refused, JsonObject body) {

        /** The id of the ticket a call announces, or null when the frame is something else. */
        Long calledTicketId() {
            if (refused || body == null || !"call".equals(body.getString("type"))) {
                return null;
            }
            return body.getJsonObject("ticket").getLong("id");
        }
    }

    static Frame parse(String text) {
        JsonObject frame = new JsonObject(text);
        String type = frame.getString("type");
        if ("err".equals(type)) {
            return new Frame(true, frame);
        }
        return new Frame(false, "rec".equals(type) ? frame.getJsonObject("body") : null);
    }
}
