package org.guichet.server.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Ports on 127.0.0.1 for the nodes tests and benchmarks start on one machine, taken below the system's ephemeral
 * range rather than from it. A port the kernel hands out (a server socket on port 0, closed again) is one it may hand
 * out again as the source port of an outgoing connection: a Hazelcast member trying to join a member not yet listening
 * on such a port can then connect to itself, take the other's address for one of its own and hang on leaving.
 */
public final class LoopbackPorts {

    /** Below this, ports belong to the system's services. */
    static final int LOWEST = 10_000;
    private static final int HIGHEST = 65_535;
    /** macOS's and Windows's range (IANA's), where /proc does not say. */
    private static final Range IANA_EPHEMERAL = new Range(49_152, 65_535);
    private static final Path LINUX_EPHEMERAL = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;

    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port nothing listens on at the time of asking, outside the ephemeral range, never given twice by this JVM. */
    public static int free() {
        Range ephemeral = ephemeral();
        RandomGenerator random = RandomGenerator.getDefault();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = outside(ephemeral, random);
            if (handedOut.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on 127.0.0.1 outside the ephemeral range " + ephemeral
                                         + " after " + ATTEMPTS + " tries.");
    }

    /** A port from LOWEST to 65535 that is not in {@code ephemeral}, every one equally likely. */
    static int outside(Range ephemeral, RandomGenerator random) {
        int below = Math.max(0, ephemeral.low() - LOWEST);
        int aboveFrom = Math.max(ephemeral.high() + 1, LOWEST);
        int above = HIGHEST + 1 - aboveFrom;
        if (below + above == 0) {
            throw new IllegalStateException("The ephemeral range " + ephemeral + " leaves no port from " + LOWEST
                                            + " to " + HIGHEST + " outside it.");
        }
        int pick = random.nextInt(below + above);
        return pick < below ? LOWEST + pick : aboveFrom + (pick - below);
    }

    /** The {@code low high} pair of Linux's ip_local_port_range. */
    static Range parse(String text) {
        String[] bounds = text.trim().split("\\s+");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("Not a port range: \"" + text.trim() + "\"");
        }
        return new Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
    }

    /** The system's range of ephemeral ports. */
    static Range ephemeral() {
        if (!Files.isReadable(LINUX_EPHEMERAL)) {
            return IANA_EPHEMERAL;
        }
        // Not Files.readString: on JDK 25 it gave only the first character of this file, whose size /proc shows as 0.
        try (BufferedReader reader = Files.newBufferedReader(LINUX_EPHEMERAL)) {
            return parse(String.valueOf(reader.readLine()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    record Range(int low, int high) {
        Range {
            if (low < 1 || high > HIGHEST || low > high) {
                throw new IllegalArgumentException("Not a port range: " + low + "–" + high);
            }
        }

        @Override
        public String toString() {
            return low + "–" + high;
        }
    }
}
