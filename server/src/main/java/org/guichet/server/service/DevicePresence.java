package org.guichet.server.service;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which devices hold a live event-bus connection, counted per device: a screen opened in a second tab with the same
 * token is a second connection, and closing it leaves the device connected while the first is open. The bridge counts
 * each device socket opened and closed ({@link #opened}, {@link #closed}) in this Vert.x instance's local shared data,
 * which every HTTP verticle of the instance shares.
 * <p>
 * In a cluster a device is connected to one node: every node sends the others its own counts every few seconds
 * ({@link #report()}, {@link #received}), so that each node's alerts see a screen connected to another node. A node
 * that stops reporting (killed) no longer counts once its last report is older than {@link #REPORT_LIFETIME}.
 */
public final class DevicePresence {

    /** Three missed reports: a node that stopped reporting is gone. */
    public static final Duration REPORT_LIFETIME = Duration.ofSeconds(6);

    private static final String LIVE_SOCKETS = "guichet.device.live-sockets";
    private static final String SEEN_HERE = "guichet.device.seen-here";

    private final Vertx vertx;
    private final Map<String, NodeReport> otherNodes = new ConcurrentHashMap<>();

    private record NodeReport(Set<String> live, Set<String> seen, long receivedNanos) {
    }

    public DevicePresence(Vertx vertx) {
        this.vertx = vertx;
    }

    private static LocalMap<String, Integer> liveSockets(Vertx vertx) {
        return vertx.sharedData().getLocalMap(LIVE_SOCKETS);
    }

    private LocalMap<String, Boolean> seenHere() {
        return vertx.sharedData().getLocalMap(SEEN_HERE);
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

    /** The device's live connections to this node. */
    public int liveConnections(String deviceId) {
        return liveSockets(vertx).getOrDefault(deviceId, 0);
    }

    /**
     * True while the device has a live connection to this node or, by its last report, to another; false once the
     * last one has closed; null when no node has seen it connect since it started.
     */
    public Boolean connected(String deviceId) {
        if (liveConnections(deviceId) > 0) {
            return true;
        }
        long now = System.nanoTime();
        boolean seen = seenHere().containsKey(deviceId);
        for (NodeReport report : otherNodes.values()) {
            if (now - report.receivedNanos() > REPORT_LIFETIME.toNanos()) {
                continue;
            }
            if (report.live().contains(deviceId)) {
                return true;
            }
            seen |= report.seen().contains(deviceId);
        }
        return seen ? false : null;
    }

    /** This node's counts, for the other nodes: the devices connected now, and those seen since it started. */
    public JsonObject report() {
        JsonArray live = new JsonArray();
        liveSockets(vertx).keySet().forEach(live::add);
        JsonArray seen = new JsonArray();
        seenHere().keySet().forEach(seen::add);
        return new JsonObject().put("live", live).put("seen", seen);
    }

    /** Another node's counts; replaces its previous report. */
    public void received(String node, JsonObject report) {
        otherNodes.put(node, new NodeReport(strings(report.getJsonArray("live")), strings(report.getJsonArray("seen")),
                System.nanoTime()));
        long now = System.nanoTime();
        otherNodes.values().removeIf(old -> now - old.receivedNanos() > 10 * REPORT_LIFETIME.toNanos());
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new HashSet<>();
        if (array != null) {
            array.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }
}
