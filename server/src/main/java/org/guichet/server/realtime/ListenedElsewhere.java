package org.guichet.server.realtime;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node knows of the addresses each other node's bridge listens to. A node is known once its snapshot has
 * arrived; until then it may listen to anything. Changes and snapshots may arrive in any order: the newest version of
 * an address wins, and a stopped listening older than a known beginning is ignored. What can go wrong is on the safe
 * side only, as long as every change arrives ({@link LiveChannels} tells a change again until it is acknowledged): an
 * address kept that the node no longer listens to (a late beginning after its end) costs messages that node drops,
 * never a message it misses.
 */
final class ListenedElsewhere {

    private static final class View {
        /** Address to the version of the change that began it. */
        final Map<String, Long> addresses = new ConcurrentHashMap<>();
        volatile boolean complete;
    }

    private final Map<String, View> views = new ConcurrentHashMap<>();

    boolean knows(String node) {
        View view = views.get(node);
        return view != null && view.complete;
    }

    /** Whether {@code node} may have a listener for this address: always, while its snapshot has not arrived. */
    boolean mayListen(String node, String address) {
        View view = views.get(node);
        return view == null || !view.complete || view.addresses.containsKey(address);
    }

    void changed(String node, ListenedHere.Change change) {
        View view = views.computeIfAbsent(node, n -> new View());
        synchronized (view) {
            Long known = view.addresses.get(change.address());
            if (change.listening()) {
                if (known == null || known < change.version()) {
                    view.addresses.put(change.address(), change.version());
                }
            } else if (known != null && known < change.version()) {
                view.addresses.remove(change.address());
            }
        }
    }

    /** The node's whole list as of the snapshot's version; changes newer than it, already here, are kept. */
    void snapshot(String node, ListenedHere.Snapshot snapshot) {
        View view = views.computeIfAbsent(node, n -> new View());
        synchronized (view) {
            view.addresses.entrySet().removeIf(entry -> entry.getValue() <= snapshot.version()
                    && !snapshot.addresses().containsKey(entry.getKey()));
            snapshot.addresses().forEach((address, version) -> view.addresses.merge(address, version, Math::max));
            view.complete = true;
        }
    }

    /** Forgets the nodes that are no longer members. */
    void retainOnly(Collection<String> nodes) {
        views.keySet().retainAll(nodes);
    }
}
