package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.server.service.Announcements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries announcements between server instances (and to this one) over the event bus, clustered or not.
 *
 * <p>A revocation is not merely published: the revoking call must not answer while another node could still accept
 * the credentials from its memory. So it is sent to each node of the cluster, which forgets the tokens, tells its
 * bridges to close their sockets, and acknowledges; the call completes once every node has acknowledged, or after
 * {@link #ACKNOWLEDGE_WITHIN} for a node that does not answer (a node that hangs must not hold revocations hostage;
 * it forgets by itself within the few seconds it remembers a token).
 */
public final class InternalBus implements Announcements {

    private static final Logger LOG = LoggerFactory.getLogger(InternalBus.class);
    private static final String ORIGIN = "origin";
    /** How long a revoking call waits for another node's acknowledgement before it answers anyway. */
    public static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(3);
    /** A node just joining may be listed before it listens: asked again this often until the deadline. */
    private static final long NOT_LISTENING_YET_RETRY_MILLIS = 50;

    private final Vertx vertx;
    private final EventBus eventBus;
    /** This instance, so that it can tell its own announcements from the others'. */
    private final String origin = UUID.randomUUID().toString();
    private final ClusterPeers peers;
    private volatile Consumer<String> forget = key -> {
    };

    public InternalBus(Vertx vertx) {
        this.vertx = vertx;
        this.eventBus = vertx.eventBus();
        this.peers = new ClusterPeers(vertx);
    }

    /** Published after this instance reloaded its own catalog: the others reload theirs. */
    @Override
    public void catalogChanged() {
        eventBus.publish(Addresses.CATALOG_CHANGED, "changed", new DeliveryOptions().addHeader(ORIGIN, origin));
    }

    /** The announcement came from this very instance (which acted on it already). */
    public boolean fromHere(Message<?> message) {
        return origin.equals(message.headers().get(ORIGIN));
    }

    /** The sites whose waiting counts changed through this node, for the others (a server alone tells nobody). */
    public void waitingCountsChanged(List<String> siteIds) {
        if (peers.clustered()) {
            eventBus.publish(Addresses.WAITING_COUNTS_CHANGED, new JsonArray(List.copyOf(siteIds)),
                    new DeliveryOptions().addHeader(ORIGIN, origin));
        }
    }

    /** Starts hearing the sites whose counts changed through the other nodes. Unregister the consumer to stop. */
    public MessageConsumer<JsonArray> hearWaitingCountsChanged(Consumer<List<String>> read) {
        return eventBus.consumer(Addresses.WAITING_COUNTS_CHANGED, message -> {
            if (!fromHere(message)) {
                read.accept(message.body().stream().map(String::valueOf).toList());
            }
        });
    }

    /** This node's live device connections, for the others. */
    public void devicePresence(JsonObject report) {
        eventBus.publish(Addresses.DEVICE_PRESENCE, report, new DeliveryOptions().addHeader(ORIGIN, origin));
    }

    /** The node an announcement came from. */
    public String origin(Message<?> message) {
        return message.headers().get(ORIGIN);
    }

    /**
     * Starts hearing the revocations the other nodes send this one; each token is handed to {@code forget} (this
     * node's memory of tokens) and its sockets closed, then acknowledged. Unregister the consumer to stop.
     */
    public MessageConsumer<JsonArray> hearRevocations(Consumer<String> forget) {
        this.forget = forget;
        return eventBus.consumer(Addresses.CREDENTIALS_REVOKED_ON_NODE + peers.here(), message -> {
            revokeHere(message.body().stream().map(String::valueOf).toList());
            message.reply("forgotten");
        });
    }

    /**
     * Forgets the tokens here and closes their sockets; completes once every other node has done the same (or has
     * not answered within {@link #ACKNOWLEDGE_WITHIN}). Never fails: the revocation itself is already stored.
     */
    @Override
    public Future<Void> credentialsRevoked(List<String> tokenKeys) {
        if (tokenKeys.isEmpty()) {
            return Future.succeededFuture();
        }
        revokeHere(tokenKeys);
        if (!peers.clustered()) {
            return Future.succeededFuture();
        }
        JsonArray body = new JsonArray(List.copyOf(tokenKeys));
        long deadline = System.nanoTime() + ACKNOWLEDGE_WITHIN.toNanos();
        List<Future<Void>> acknowledged = peers.others().stream()
                .map(node -> acknowledged(node, body, deadline)).toList();
        return Future.join(acknowledged).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<Void> acknowledged(String node, JsonArray body, long deadline) {
        long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        return eventBus.request(Addresses.CREDENTIALS_REVOKED_ON_NODE + node, body,
                        new DeliveryOptions().setSendTimeout(remainingMillis))
                .<Void>mapEmpty()
                .recover(failure -> {
                    boolean notListeningYet = failure instanceof ReplyException reply
                                              && reply.failureType() == ReplyFailure.NO_HANDLERS;
                    if (notListeningYet && deadline - System.nanoTime() > NOT_LISTENING_YET_RETRY_MILLIS * 1_000_000) {
                        return vertx.timer(NOT_LISTENING_YET_RETRY_MILLIS).compose(waited -> acknowledged(node, body,
                                deadline));
                    }
                    LOG.warn("Node {} did not acknowledge a revocation of {} token(s) ({}); it forgets them by itself "
                             + "within seconds", node, body.size(), failure.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** Forgets the tokens on this node, then tells its bridges (local delivery only) to close their sockets. */
    private void revokeHere(List<String> tokenKeys) {
        Consumer<String> forgetting = forget;
        DeliveryOptions localOnly = new DeliveryOptions().setLocalOnly(true);
        tokenKeys.forEach(key -> {
            forgetting.accept(key);
            eventBus.publish(Addresses.CREDENTIALS_REVOKED, key, localOnly);
        });
    }
}
