package org.guichet.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * How this server joins its cluster ({@code cluster:} in the configuration, or the GUICHET_CLUSTER* variables).
 * Members are found over TCP/IP at the addresses given, never by multicast: a council's network rarely carries it,
 * and a node must not join a stranger's cluster by accident.
 *
 * @param host       the address this node binds and announces to the others (Hazelcast and the event bus)
 * @param port       Hazelcast's port on that address
 * @param members    every node's {@code host[:port]}, this one included
 * @param name       the cluster's name: nodes with another name do not join
 * @param memberLossSeconds how long a silent member is kept before the others drop it (a node killed outright)
 * @param eventBusPort the event bus's TCP port on {@code host}; 0 takes a free one (a firewall wants it fixed)
 */
public record ClusterSettings(boolean enabled, String host, int port, List<String> members, String name,
                              int memberLossSeconds, int eventBusPort) {

    public static final int DEFAULT_PORT = 5701;
    public static final int DEFAULT_MEMBER_LOSS_SECONDS = 10;

    public ClusterSettings {
        members = List.copyOf(members);
        if (enabled && members.isEmpty()) {
            throw new IllegalArgumentException("cluster.members must list every node's address (host or host:port), "
                                               + "this one included, when the cluster is on.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("cluster.port must be a TCP port, 1 to 65535 (got " + port + ").");
        }
        if (eventBusPort < 0 || eventBusPort > 65535) {
            throw new IllegalArgumentException("cluster.eventBusPort must be a TCP port, or 0 for a free one (got "
                                               + eventBusPort + ").");
        }
        if (memberLossSeconds < 2) {
            throw new IllegalArgumentException("cluster.memberLossSeconds must be at least 2 (got "
                                               + memberLossSeconds + ").");
        }
    }

    public static ClusterSettings single() {
        return new ClusterSettings(false, "127.0.0.1", DEFAULT_PORT, List.of(), "guichet", DEFAULT_MEMBER_LOSS_SECONDS,
                0);
    }

    /** A cluster on this machine's loopback, for tests and benchmarks: every node on its own Hazelcast port. */
    public static ClusterSettings onLoopback(int port, List<Integer> memberPorts, String name) {
        return new ClusterSettings(true, "127.0.0.1", port,
                memberPorts.stream().map(member -> "127.0.0.1:" + member).toList(), name, DEFAULT_MEMBER_LOSS_SECONDS, 0);
    }

    /**
     * {@code cluster: {enabled, host, port, members: [...], name, memberLossSeconds, eventBusPort}}; GUICHET_CLUSTER (true/false),
     * GUICHET_CLUSTER_HOST, GUICHET_CLUSTER_PORT, GUICHET_CLUSTER_MEMBERS (comma-separated) and GUICHET_CLUSTER_NAME
     * win over the file.
     */
    static ClusterSettings fromConfig(JsonObject config) {
        Object section = config.getValue("cluster");
        JsonObject cluster = section instanceof JsonObject object ? object : new JsonObject();
        boolean enabled = Boolean.parseBoolean(String.valueOf(config.getValue("GUICHET_CLUSTER",
                section instanceof Boolean flag ? flag : cluster.getValue("enabled", false))));
        String host = String.valueOf(config.getValue("GUICHET_CLUSTER_HOST", cluster.getValue("host", "127.0.0.1")));
        int port = whole("cluster.port", config.getValue("GUICHET_CLUSTER_PORT", cluster.getValue("port",
                DEFAULT_PORT)));
        List<String> members = new ArrayList<>();
        Object listed = config.getValue("GUICHET_CLUSTER_MEMBERS", cluster.getValue("members"));
        if (listed instanceof JsonArray array) {
            array.forEach(member -> members.add(String.valueOf(member).trim()));
        } else if (listed != null) {
            for (String member : String.valueOf(listed).split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
        }
        String name = String.valueOf(config.getValue("GUICHET_CLUSTER_NAME", cluster.getValue("name", "guichet")));
        return new ClusterSettings(enabled, host, port, members, name,
                whole("cluster.memberLossSeconds", cluster.getValue("memberLossSeconds",
                        DEFAULT_MEMBER_LOSS_SECONDS)),
                whole("cluster.eventBusPort", cluster.getValue("eventBusPort", 0)));
    }

    private static int whole(String key, Object value) {
        try {
            return value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number (got " + value + ").");
        }
    }
}
