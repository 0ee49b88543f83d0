package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import org.guichet.server.ServerVertx;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;

/**
 * Two clustered Vert.x on 127.0.0.1, each with its live channels: what node A relays to node B follows what B's
 * browsers listen to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveChannelsClusterTest {

    private static Vertx vertxA;
    private static Vertx vertxB;
    private static LiveChannels a;
    private static LiveChannels b;
    private static String nodeB;
    /** What B's relay received: the address and the body's "n". */
    private static final List<String> heardOnB = new CopyOnWriteArrayList<>();
    private static final List<MessageConsumer<?>> consumers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void twoNodes() {
        int portA = LoopbackPorts.free();
        int portB = LoopbackPorts.free();
        String cluster = "guichet-live-" + UUID.randomUUID();
        vertxA = await(ServerVertx.create(ClusterSettings.onLoopback(portA, List.of(portA, portB), cluster)));
        vertxB = await(ServerVertx.create(ClusterSettings.onLoopback(portB, List.of(portA, portB), cluster)));
        nodeB = ((VertxInternal) vertxB).clusterManager().getNodeId();
        a = new LiveChannels(vertxA);
        b = new LiveChannels(vertxB);
        vertxB.eventBus().addInboundInterceptor(context -> {
            String relayedTo = context.message().headers().get("to");
            if (relayedTo != null) {
                // The message's own body: an inbound context's is not decoded yet.
                heardOnB.add(relayedTo + " " + ((JsonObject) context.message().body()).getValue("n"));
            }
            context.next();
        });
        MessageConsumer<JsonObject> relayA = a.relay();
        MessageConsumer<JsonObject> relayB = b.relay();
        consumers.addAll(List.of(relayA, relayB));
        await(Future.all(relayA.completion(), relayB.completion()));
        Eventually.await("A sees B", () -> ((VertxInternal) vertxA).clusterManager().getNodes(),
                nodes -> nodes.size() == 2);
    }

    @AfterAll
    static void stop() {
        await(Future.join(consumers.stream().map(MessageConsumer::unregister).toList()));
        await(vertxB.close());
        await(vertxA.close());
    }

    @Test
    @Order(1) // the first to publish: A does not know what B listens to yet
    void a_node_relays_to_another_only_what_its_browsers_listen_to() {
        await(b.listen("guichet.room.r1"));
        a.publish("guichet.counter.c9", message("before the snapshot", null));
        Eventually.await("A has B's snapshot", () -> a.knowsWhatListens(nodeB), known -> known);
        Eventually.await("relayed while A did not know what B listens to", () -> heardOnB,
                heard -> heard.contains("guichet.counter.c9 before the snapshot"));

        a.publish("guichet.counter.c1", message("1", "state"));
        a.publish("guichet.ticket.t1", message("1", "news"));
        a.publish("guichet.room.r2", message("1", "queue"));
        a.publishHere("guichet.room.r1", message("1 here", "queue"));
        a.publish("guichet.room.r1", message("1", "call"));

        Eventually.await("B heard the call", () -> heardOnB, heard -> heard.contains("guichet.room.r1 1"));
        assertThat(heardOnB).as("what B listens to nothing of, and what A publishes for its own listeners only")
                .doesNotContain("guichet.counter.c1 1", "guichet.ticket.t1 1", "guichet.room.r2 1",
                        "guichet.room.r1 1 here");
    }

    @Test
    @Order(2)
    void a_listener_begun_on_one_node_hears_what_another_publishes_right_after_and_nothing_once_it_stopped() {
        await(b.listen("guichet.room.r3"));
        a.publish("guichet.counter.c8", message("ask", null));
        Eventually.await("A has B's snapshot", () -> a.knowsWhatListens(nodeB), known -> known);
        List<Object> onCounter = new CopyOnWriteArrayList<>();

        await(b.listen("guichet.counter.c2"));
        MessageConsumer<JsonObject> tablet = vertxB.eventBus().localConsumer("guichet.counter.c2",
                message -> onCounter.add(message.body().getValue("n")));
        a.publish("guichet.counter.c2", message("right after", "state"));
        Eventually.await("the tablet on B heard it", () -> onCounter, heard -> heard.contains("right after"));

        b.forget("guichet.counter.c2");
        await(tablet.unregister());
        Eventually.untilPasses("A holds back what B stopped listening to", () -> {
            String n = UUID.randomUUID().toString();
            a.publish("guichet.counter.c2", message(n, "state"));
            a.publish("guichet.room.r3", message(n, "call"));
            Eventually.await("B heard the call " + n, () -> heardOnB, heard -> heard.contains("guichet.room.r3 " + n));
            assertThat(heardOnB).doesNotContain("guichet.counter.c2 " + n);
        });
    }

    @Test
    @Order(3)
    void a_change_the_other_node_did_not_acknowledge_is_told_again() {
        a.publish("guichet.counter.c7", message("ask", null));
        Eventually.await("A has B's snapshot", () -> a.knowsWhatListens(nodeB), known -> known);
        AtomicBoolean lost = new AtomicBoolean();
        Handler<DeliveryContext<Object>> losingTheFirst = context -> {
            if ("change".equals(context.message().headers().get("ask")) && lost.compareAndSet(false, true)) {
                return; // never delivered, never answered
            }
            context.next();
        };
        vertxA.eventBus().addInboundInterceptor(losingTheFirst);
        try {
            await(b.listen("guichet.counter.c3"));
            assertThat(lost).as("the first telling was lost").isTrue();
            List<Object> onCounter = new CopyOnWriteArrayList<>();
            MessageConsumer<JsonObject> tablet = vertxB.eventBus().localConsumer("guichet.counter.c3",
                    message -> onCounter.add(message.body().getValue("n")));
            Eventually.untilPasses("the tablet on B hears A once A was told again", () -> {
                String n = UUID.randomUUID().toString();
                a.publish("guichet.counter.c3", message(n, "state"));
                Eventually.await("heard " + n, Duration.ofMillis(500), () -> onCounter, heard -> heard.contains(n));
            });
            await(tablet.unregister());
        } finally {
            vertxA.eventBus().removeInboundInterceptor(losingTheFirst);
        }
    }

    private static JsonObject message(String n, String type) {
        return new JsonObject().put("n", n).put("type", type);
    }
}
