package org.guichet.server.realtime;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * What a browser may send on the bridge: small JSON objects of the bridge protocol. Anything else is not a page of
 * ours talking, and its socket is closed rather than answered.
 */
final class BridgeFrames {

    /** A register frame with its token is under 1 KB; 16 KB leaves room and stops anything bulky at once. */
    static final int MAX_CHARS = 16 * 1024;
    /** As {@link EventBusBridge#options()}' address limit: longer ones would only be refused (and logged) later. */
    static final int MAX_ADDRESS_LENGTH = 160;
    private static final Set<String> TYPES = Set.of("ping", "register", "unregister", "send", "publish");

    private BridgeFrames() {
    }

    /** Why a frame is not one the bridge should handle, or null when it is. */
    static String problem(String text) {
        if (text.length() > MAX_CHARS) {
            return "oversized frame";
        }
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return "malformed frame";
        }
        if (!(frame.getValue("type") instanceof String type) || !TYPES.contains(type)) {
            return "malformed frame";
        }
        if (type.equals("ping")) {
            return null;
        }
        if (!(frame.getValue("address") instanceof String address) || address.isEmpty()
            || address.length() > MAX_ADDRESS_LENGTH) {
            return "malformed frame";
        }
        return null;
    }
}
