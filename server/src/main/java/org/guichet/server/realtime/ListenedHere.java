package org.guichet.server.realtime;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The browser addresses this node's bridge listens to, counted (a room has several screens), and the other nodes that
 * took a snapshot of them: those relay to this node only what it listens to, so each change must be told to them
 * before the bridge listens. Every change carries a version from one counter, so that a node told changes out of order
 * keeps the newest (see {@link ListenedElsewhere}).
 */
final class ListenedHere {

    /** An address this node began or stopped listening to. */
    record Change(String address, boolean listening, long version) {
    }

    /** Every address listened to, with the version of the change that began it, as of {@code version}. */
    record Snapshot(long version, Map<String, Long> addresses) {
    }

    /** A change and the nodes to tell it to. */
    record ToTell(Change change, Set<String> nodes) {
    }

    private record Counted(int listeners, long version) {
    }

    private final Map<String, Counted> listened = new HashMap<>();
    private final Set<String> told = new HashSet<>();
    private long version;

    /** One more listener of this address; the change to tell when it is the first and some node took a snapshot. */
    synchronized Optional<ToTell> listen(String address) {
        Counted counted = listened.get(address);
        if (counted != null) {
            listened.put(address, new Counted(counted.listeners() + 1, counted.version()));
            return Optional.empty();
        }
        listened.put(address, new Counted(1, ++version));
        return toTell(new Change(address, true, version));
    }

    /** One listener fewer; the change to tell when it was the last. An address not listened to changes nothing. */
    synchronized Optional<ToTell> forget(String address) {
        Counted counted = listened.get(address);
        if (counted == null) {
            return Optional.empty();
        }
        if (counted.listeners() > 1) {
            listened.put(address, new Counted(counted.listeners() - 1, counted.version()));
            return Optional.empty();
        }
        listened.remove(address);
        return toTell(new Change(address, false, ++version));
    }

    /** What this node listens to now; {@code node} is told every change from now on. */
    synchronized Snapshot snapshotFor(String node) {
        told.add(node);
        Map<String, Long> addresses = new HashMap<>();
        listened.forEach((address, counted) -> addresses.put(address, counted.version()));
        return new Snapshot(version, addresses);
    }

    /** A node gone: it is told nothing more. */
    synchronized void stopTelling(String node) {
        told.remove(node);
    }

    /** Whether {@code node} took a snapshot and has not left since. */
    synchronized boolean tells(String node) {
        return told.contains(node);
    }

    private Optional<ToTell> toTell(Change change) {
        return told.isEmpty() ? Optional.empty() : Optional.of(new ToTell(change, Set.copyOf(told)));
    }
}
