package org.guichet.server.service;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * Which devices hold a live event-bus connection to this server instance, counted per device: a screen opened in a
 * second tab with the same token is a second connection, and closing it leaves the device connected while the first is
 * open. The bridge counts each device socket opened and closed ({@link #opened}, {@link #closed}) in this Vert.x
 * instance's local shared data, which every HTTP verticle of the instance shares; the alert check reads the counts.
 * <p>
 * Counts are this instance's: a device connected to another instance is unknown here ({@link #connectedHere} answers
 * null), and the device's own report decides for it.
 */
public final class DevicePresence {

    private static final String LIVE_SOCKETS = "guichet.device.live-sockets";
    private static final String SEEN_HERE = "guichet.device.seen-here";

    private final Vertx vertx;

    public DevicePresence(Vertx vertx) {
        this.vertx = vertx;
    }

    private static LocalMap<String, Integer> liveSockets(Vertx vertx) {
        return vertx.sharedData().getLocalMap(LIVE_SOCKETS);
    }

    /** A socket registered with the device's token opened (counted once per socket). */
    public static void opened(Vertx vertx, String deviceId) {
        vertx.sharedData().<String, Boolean>getLocalMap(SEEN_HERE).put(deviceId, true);
        liveSockets(vertx).merge(deviceId, 1, Integer::sum);
    }

    /** One of the device's sockets closed. */
    public static void closed(Vertx vertx, String deviceId) {
        liveSockets(vertx).computeIfPresent(deviceId, (id, sockets) -> sockets > 1 ? sockets - 1 : null);
    }

    /** The device's live connections to this instance. */
    public int liveConnections(String deviceId) {
        return liveSockets(vertx).getOrDefault(deviceId, 0);
    }

    /**
     * True while the device has a live connection here; false once the last one it opened here has closed; null when
     * it has not connected here since this instance started.
     */
    public Boolean connectedHere(String deviceId) {
        if (liveConnections(deviceId) > 0) {
            return true;
        }
        return vertx.sharedData().getLocalMap(SEEN_HERE).containsKey(deviceId) ? false : null;
    }
}
