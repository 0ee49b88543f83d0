package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Publishes what browsers hear (rooms, counters, sites, tickets; see {@link Addresses}). A server alone publishes
 * straight to the address. In a cluster a node publishes each message to its own listeners and sends it to each other
 * node that may listen to the address, on that node's relay address, where it is published again to that node's
 * listeners only.
 *
 * <p>Why a relay: before delivering to an address, a clustered Vert.x asks Hazelcast which nodes listen to it, and
 * keeps the answer only when some node does. Most of these addresses have no listener most of the time (a ticket whose
 * visitor has no page open, a counter whose tablet is not connected), so each of those messages cost a Hazelcast
 * lookup on a worker thread. A node's relay address always has a listener, so its answer is kept.
 *
 * <p>Which nodes may listen: each node's bridge says here what it begins and stops listening to ({@link #listen},
 * {@link #forget}). Once its own relay is registered, a node asks each other node for a snapshot of what it listens
 * to (again every 5 s until it answers) and relays to it everything until the snapshot arrives, then only the
 * addresses it lists. A node that gave a snapshot tells the asker of each change, again every second until the asker
 * acknowledges it or leaves the cluster, and its bridge listens to a new address once the askers have acknowledged it
 * (or failed to, within 2 s): a message published after that reaches the new listener, as a message published after a
 * registration does on one server. A node whose relay has stopped relays everything again: it no longer hears what
 * the others tell it. What every node publishes for itself (the waiting counts, see {@link SummaryPublisher}) does
 * not cross at all ({@link #publishHere}).
 */
public final class LiveChannels {

    private static final Logger LOG = LoggerFactory.getLogger(LiveChannels.class);

    private static final String TO = "to";
    private static final String FROM = "from";
    private static final String ASK = "ask";
    private static final String SNAPSHOT = "snapshot";
    private static final String CHANGE = "change";
    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(2);
    private static final Duration SNAPSHOT_ASKED_AGAIN_AFTER = Duration.ofSeconds(5);
    private static final Duration TOLD_AGAIN_AFTER = Duration.ofSeconds(1);
    private static final int GIVEN_UP_AFTER_ATTEMPTS = 30;
    private static final Pattern BROWSER_ADDRESS = Pattern.compile(ListenPermissions.OUTBOUND_REGEX);
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private final Vertx vertx;
    private final EventBus eventBus;
    private final ClusterPeers peers;
    private final ListenedHere here = new ListenedHere();
    private final ListenedElsewhere elsewhere = new ListenedElsewhere();
    /** Node to when its snapshot was asked for (System.nanoTime), until it arrives. */
    private final Map<String, Long> snapshotAsked = new ConcurrentHashMap<>();
    /** Addresses whose first listener here waits for the other nodes to acknowledge it. */
    private final Map<String, Future<Void>> beingTold = new HashMap<>();
    private final LongAdder relayed = new LongAdder();
    private final LongAdder heldBack = new LongAdder();
    /** The membership whose departures were last applied to what this node knows and tells. */
    private volatile ClusterPeers.Members applied = new ClusterPeers.Members(-1, List.of());
    /** Whether this node's relay hears what the others tell it: only then does it hold messages back. */
    private volatile boolean filtering;
    private volatile Consumer<String> whenListening = address -> {
    };

    public LiveChannels(Vertx vertx) {
        this.vertx = vertx;
        this.eventBus = vertx.eventBus();
        this.peers = new ClusterPeers(vertx);
    }

    public void publish(String address, JsonObject body) {
        if (!peers.clustered()) {
            eventBus.publish(address, body);
            return;
        }
        eventBus.publish(address, body, LOCAL);
        // Until its relay hears what the others tell it, a node sends everything, as to nodes it does not know.
        boolean filter = filtering;
        DeliveryOptions relay = null;
        for (String node : others()) {
            if (filter && !elsewhere.knows(node)) {
                askWhatListens(node);
            } else if (filter && !elsewhere.mayListen(node, address)) {
                heldBack.increment();
                continue;
            }
            if (relay == null) {
                relay = new DeliveryOptions().addHeader(TO, address);
            }
            eventBus.send(Addresses.LIVE_RELAY + node, body, relay);
            relayed.increment();
        }
    }

    /** Published to this node's listeners only: each node publishes the same news for its own. */
    public void publishHere(String address, JsonObject body) {
        eventBus.publish(address, body, LOCAL);
    }

    /**
     * A listener of this address on this node's bridge, to be followed by {@link #forget}. The future completes when
     * the nodes that filter what they relay here know it (or failed to answer within 2 s): the bridge listens then.
     */
    public Future<Void> listen(String address) {
        if (!peers.clustered()) {
            return Future.succeededFuture();
        }
        synchronized (beingTold) {
            Optional<ListenedHere.ToTell> toTell = here.listen(address);
            if (toTell.isEmpty()) {
                // Another listener of the address may still wait for the nodes' acknowledgement: so does this one.
                return beingTold.getOrDefault(address, Future.succeededFuture());
            }
            Future<Void> told = tell(toTell.get());
            beingTold.put(address, told);
            told.onComplete(done -> {
                synchronized (beingTold) {
                    beingTold.remove(address, told);
                }
            });
            return told;
        }
    }

    /** Told of each address a socket on this node's bridge begins to hear, once the bridge has registered it. */
    public void whenListening(Consumer<String> observer) {
        this.whenListening = observer;
    }

    /** A socket on this node's bridge hears what is published to the address from now on. */
    public void listening(String address) {
        whenListening.accept(address);
    }

    /** A listener of this address on this node's bridge gone. */
    public void forget(String address) {
        if (peers.clustered()) {
            here.forget(address).ifPresent(this::tell);
        }
    }

    /**
     * This node's end of the relay, to register once per node and unregister when the node stops. It passes on only
     * what browsers may hear, never an internal announcement. It also answers the other nodes' questions about what
     * this node listens to.
     */
    public MessageConsumer<JsonObject> relay() {
        MessageConsumer<JsonObject> relay = eventBus.consumer(Addresses.LIVE_RELAY + peers.here(), message -> {
            String address = message.headers().get(TO);
            String asked = message.headers().get(ASK);
            if (address != null && BROWSER_ADDRESS.matcher(address).matches()) {
                eventBus.publish(address, message.body(), LOCAL);
            } else if (SNAPSHOT.equals(asked) && message.headers().get(FROM) != null) {
                message.reply(encode(here.snapshotFor(message.headers().get(FROM))));
            } else if (CHANGE.equals(asked) && message.headers().get(FROM) != null) {
                elsewhere.changed(message.headers().get(FROM), decodeChange(message.body()));
                message.reply(null);
            }
        });
        relay.completion().onSuccess(registered -> filtering = true);
        return relay;
    }

    /**
     * When this node's relay stops: from then on it relays everything (it no longer hears what the others begin to
     * listen to), and logs how many messages went to other nodes and how many were held back.
     */
    public void stopRelaying() {
        filtering = false;
        if (peers.clustered()) {
            LOG.info("Relayed {} browser messages to other nodes, held back {} that none of their browsers listened to",
                    relayed.sum(), heldBack.sum());
        }
    }

    /** Whether this node filters what it relays to {@code node} (its snapshot arrived). */
    public boolean knowsWhatListens(String node) {
        return elsewhere.knows(node);
    }

    private List<String> others() {
        ClusterPeers.Members now = peers.members();
        if (now.version() <= applied.version()) {
            return now.others();
        }
        synchronized (this) {
            // A thread holding an older list must not undo a newer one.
            if (now.version() > applied.version()) {
                applied.others().stream().filter(node -> !now.others().contains(node)).forEach(here::stopTelling);
                elsewhere.retainOnly(now.others());
                applied = now;
            }
        }
        return now.others();
    }

    private void askWhatListens(String node) {
        long now = System.nanoTime();
        Long asked = snapshotAsked.get(node);
        boolean mine = asked == null
                ? snapshotAsked.putIfAbsent(node, now) == null
                : now - asked > SNAPSHOT_ASKED_AGAIN_AFTER.toNanos() && snapshotAsked.replace(node, asked, now);
        if (!mine) {
            return;
        }
        DeliveryOptions question = new DeliveryOptions().addHeader(ASK, SNAPSHOT).addHeader(FROM, peers.here())
                .setSendTimeout(ACKNOWLEDGED_WITHIN.toMillis());
        eventBus.<JsonObject>request(Addresses.LIVE_RELAY + node, new JsonObject(), question)
                .onSuccess(reply -> {
                    if (peers.others().contains(node)) {
                        elsewhere.snapshot(node, decodeSnapshot(reply.body()));
                    }
                    snapshotAsked.remove(node);
                })
                .onFailure(failure -> LOG.debug("Node {} did not say what it listens to: {}", node,
                        failure.getMessage()));
    }

    /** The first attempt's outcome at each node; a node that did not acknowledge is told again later. */
    private Future<Void> tell(ListenedHere.ToTell toTell) {
        JsonObject change = encode(toTell.change());
        List<Future<Void>> acknowledged = toTell.nodes().stream()
                .map(node -> tellUntilAcknowledged(node, change, 1)).toList();
        return Future.join(acknowledged).transform(done -> Future.succeededFuture());
    }

    private Future<Void> tellUntilAcknowledged(String node, JsonObject change, int attempt) {
        DeliveryOptions told = new DeliveryOptions().addHeader(ASK, CHANGE).addHeader(FROM, peers.here())
                .setSendTimeout(ACKNOWLEDGED_WITHIN.toMillis());
        Future<Void> acknowledged = eventBus.request(Addresses.LIVE_RELAY + node, change, told).mapEmpty();
        acknowledged.onFailure(failure -> {
            LOG.debug("Node {} did not acknowledge {}: {}", node, change, failure.getMessage());
            // Versions make a change told twice harmless. A node that left is told nothing more: one this node has
            // not seen in the cluster for the last 30 attempts has left, or never was a member.
            if (attempt >= GIVEN_UP_AFTER_ATTEMPTS && !peers.others().contains(node)) {
                here.stopTelling(node);
                return;
            }
            vertx.setTimer(TOLD_AGAIN_AFTER.toMillis(), timer -> {
                if (here.tells(node)) {
                    tellUntilAcknowledged(node, change, attempt + 1);
                }
            });
        });
        return acknowledged;
    }

    private static JsonObject encode(ListenedHere.Change change) {
        return new JsonObject().put("address", change.address()).put("listening", change.listening())
                .put("version", change.version());
    }

    private static ListenedHere.Change decodeChange(JsonObject json) {
        return new ListenedHere.Change(json.getString("address"), json.getBoolean("listening"),
                json.getLong("version"));
    }

    private static JsonObject encode(ListenedHere.Snapshot snapshot) {
        JsonObject addresses = new JsonObject();
        snapshot.addresses().forEach(addresses::put);
        return new JsonObject().put("version", snapshot.version()).put("addresses", addresses);
    }

    private static ListenedHere.Snapshot decodeSnapshot(JsonObject json) {
        Map<String, Long> addresses = new HashMap<>();
        json.getJsonObject("addresses").forEach(entry -> addresses.put(entry.getKey(),
                ((Number) entry.getValue()).longValue()));
        return new ListenedHere.Snapshot(json.getLong("version"), addresses);
    }
}
