package org.guichet.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.guichet.server.ServerVertx;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.jobs.InstanceVerticle;
import org.guichet.server.realtime.BridgeSocket;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;
import static org.guichet.server.testing.TestServer.ok;
import static org.guichet.server.testing.TestServer.status;

/**
 * Two server nodes in one JVM, each in its own clustered Vert.x (Hazelcast on 127.0.0.1, TCP/IP join), over one
 * PostgreSQL: what one node does must reach the devices and sessions of the other.
 */
class TwoNodesTest {

    private static Vertx vertxA;
    private static Vertx vertxB;
    private static TestServer nodeA;
    private static TestServer nodeB;

    @BeforeAll
    static void startTwoNodes() {
        int portA = LoopbackPorts.free();
        int portB = LoopbackPorts.free();
        String cluster = "guichet-test-" + UUID.randomUUID();
        vertxA = await(ServerVertx.create(ClusterSettings.onLoopback(portA, List.of(portA, portB), cluster)));
        vertxB = await(ServerVertx.create(ClusterSettings.onLoopback(portB, List.of(portA, portB), cluster)));
        DatabaseSettings database = TestDatabase.freshDatabase();
        // One after the other: the first creates the schema and the administrator, the second finds them.
        nodeA = TestServer.start(vertxA, TestServer.options(database, 0));
        nodeB = TestServer.start(vertxB, TestServer.options(database, 0));
    }

    @AfterAll
    static void stopNodes() {
        for (TestServer node : new TestServer[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        await(Future.join(close(vertxB), close(vertxA)));
    }

    private static Future<Void> close(Vertx vertx) {
        return vertx == null ? Future.succeededFuture() : vertx.close();
    }

    @Test
    void the_two_nodes_form_one_cluster() {
        assertThat(vertxA.isClustered()).isTrue();
        assertThat(nodeA.port()).isNotEqualTo(nodeB.port());
    }

    @Test
    void a_call_made_through_node_a_reaches_the_rooms_screens_on_both_nodes_once_each() {
        // The node that makes a call publishes to its own screens and relays to the others: each screen hears it once,
        // whichever way it came.
        String screen = nodeB.tokenOf("screen-1");
        String agent = nodeA.agentAtCounter("cluster.caller", "s1", "c2");
        try (BridgeSocket onA = listening(vertxA, nodeA, "guichet.room.r1", screen);
             BridgeSocket onB = listening(vertxB, nodeB, "guichet.room.r1", screen)) {
            JsonObject issued = nodeA.issue(agent, "svc-a");
            JsonObject called = ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/call", agent,
                    new JsonObject().put("counterId", "c2")));
            ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/no-show", agent, null));

            String number = called.getString("number");
            assertThat(whatTheRoomHeardOf(onB, number)).as("on node B").containsExactly("call", "no-show");
            assertThat(whatTheRoomHeardOf(onA, number)).as("on node A, which made the call")
                    .containsExactly("call", "no-show");
        }
    }

    @Test
    void a_room_shows_the_counts_of_the_last_change_whichever_node_made_it_and_no_counts_cross_between_the_nodes() {
        // The screen is on A; two of the three changes are made through B, which tells A the site changed. When each
        // node published the counts of its own changes to every node, they had to be compared with what the room was
        // last told by any node: B told the room n, A told it n + 1, and B's change back to n was "nothing new" to B.
        String screen = nodeA.deviceToken("screen-1b");
        String agent = nodeA.agent("cluster.counts", "agent", "s1");
        List<String> countsRelayed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler<DeliveryContext<Object>> relayWatch = context -> {
            String relayedTo = context.message().headers().get("to");
            if (relayedTo != null && String.valueOf(context.message().body()).contains("\"type\":\"queue\"")) {
                countsRelayed.add(relayedTo);
            }
            context.next();
        };
        vertxA.eventBus().addInboundInterceptor(relayWatch);
        try (BridgeSocket socket = listening(vertxA, nodeA, "guichet.room.r1b", screen)) {
            RoomScreen room = new RoomScreen(socket, "guichet.room.r1b");
            JsonObject first = nodeB.issue(agent, "svc-c");
            int waiting = waitingInRoomR1b(agent);
            room.awaitWaiting(waiting, "after a first ticket, through node B");
            JsonObject second = nodeA.issue(agent, "svc-c");
            room.awaitWaiting(waiting + 1, "after a second ticket, through node A");
            ok(nodeB.post("/api/v1/tickets/" + second.getLong("id") + "/cancel", agent, null));
            room.awaitWaiting(waiting, "after it was cancelled through node B");
            assertThat(countsRelayed).as("waiting counts relayed from B to A").isEmpty();

            ok(nodeA.post("/api/v1/tickets/" + first.getLong("id") + "/cancel", agent, null));
        } finally {
            vertxA.eventBus().removeInboundInterceptor(relayWatch);
        }
    }

    @Test
    void a_change_no_node_told_reaches_a_rooms_screen_at_the_next_read_of_every_site() {
        // A node killed between a commit and its next flush tells no other node which site changed: the change is in
        // the database, and only each node's read of every site (every 30 s in a cluster) brings it to its screens.
        // Here the change is made in the database directly, which no node hears of either.
        String screen = nodeA.deviceToken("screen-1b");
        String agent = nodeA.agent("cluster.untold", "agent", "s1");
        try (BridgeSocket socket = listening(vertxA, nodeA, "guichet.room.r1b", screen)) {
            RoomScreen room = new RoomScreen(socket, "guichet.room.r1b");
            JsonObject issued = nodeA.issue(agent, "svc-c");
            int waiting = waitingInRoomR1b(agent);
            room.awaitWaiting(waiting, "after a ticket issued through node A");

            nodeA.sql("UPDATE ticket SET status = 'CANCELLED', ended_at = now() WHERE id = $1", issued.getLong("id"));
            room.awaitWaiting(waiting - 1, "after a ticket cancelled in the database alone",
                    InstanceVerticle.EVERY_SITE_READ_INTERVAL.plusSeconds(10));
        }
    }

    /** Room r1b's waiting count as a screen reads it over REST before it listens. */
    private static int waitingInRoomR1b(String agent) {
        return ok(nodeA.get("/api/v1/sites/s1/queue", agent)).getJsonObject("rooms").getJsonObject("r1b")
                .getInteger("waiting");
    }

    /** The room's messages about the ticket numbered so, in order, up to its no-show (fails after 10 s without one). */
    private static List<String> whatTheRoomHeardOf(BridgeSocket socket, String number) {
        List<String> heard = new ArrayList<>();
        while (!heard.contains("no-show")) {
            JsonObject frame = socket.next();
            JsonObject body = frame.getJsonObject("body");
            JsonObject ticket = body == null ? null : body.getJsonObject("ticket");
            if ("guichet.room.r1".equals(frame.getString("address")) && ticket != null
                && number.equals(ticket.getString("number"))) {
                heard.add(body.getString("type"));
            }
        }
        return heard;
    }

    /** A bridge socket on {@code node}, listening to {@code address} as the device whose token is given. */
    private static BridgeSocket listening(Vertx vertx, TestServer node, String address, String token) {
        BridgeSocket socket = BridgeSocket.connect(vertx, node.port());
        socket.register(address, token);
        socket.awaitRegistered(address);
        return socket;
    }

    /** A room's waiting count as its screen keeps it: the latest read wins. */
    private static final class RoomScreen {
        private final BridgeSocket socket;
        private final String address;
        private Instant keptAt = Instant.MIN;
        private Integer waiting;

        RoomScreen(BridgeSocket socket, String address) {
            this.socket = socket;
            this.address = address;
        }

        /**
         * Reads the room's counts until the kept one says {@code expected}; fails when none comes for 10 s. The next
         * message alone proves nothing: it may be a read made before the change.
         */
        void awaitWaiting(int expected, String when) {
            awaitWaiting(expected, when, Duration.ofSeconds(10));
        }

        /** As above, failing when the room hears nothing for the time given. */
        void awaitWaiting(int expected, String when, Duration silence) {
            try {
                while (waiting == null || waiting != expected) {
                    JsonObject body = socket.nextOn(silence, address, "queue").getJsonObject("body");
                    Instant at = Instant.parse(body.getString("at"));
                    if (!at.isBefore(keptAt)) {
                        keptAt = at;
                        waiting = body.getJsonObject("room").getInteger("waiting");
                    }
                }
            } catch (AssertionError quiet) {
                throw new AssertionError(when + ": the room never showed " + expected + " waiting (it kept "
                        + waiting + ")", quiet);
            }
        }
    }

    @Test
    void a_counters_news_cross_to_the_other_node_while_a_screen_there_listens_and_no_longer_once_it_closed() {
        // Node A relays to node B only what B's bridge listens to, as B's bridge tells it when a socket registers
        // and closes.
        String counterScreen = nodeB.tokenOf("cscreen-1");
        String roomScreen = nodeB.tokenOf("screen-1");
        String agent = nodeA.agentAtCounter("cluster.relayed", "s1", "c1");
        List<String> relayedToB = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler<DeliveryContext<Object>> relayWatch = context -> {
            if ("guichet.counter.c1".equals(context.message().headers().get("to"))) {
                relayedToB.add(String.valueOf(context.message().body()));
            }
            context.next();
        };
        vertxB.eventBus().addInboundInterceptor(relayWatch);
        try (BridgeSocket room = listening(vertxB, nodeB, "guichet.room.r1", roomScreen)) {
            try (BridgeSocket counter = listening(vertxB, nodeB, "guichet.counter.c1", counterScreen)) {
                String number = callThenNoShow(agent);
                assertThat(counter.nextOn("guichet.counter.c1", "call").getJsonObject("body")
                        .getJsonObject("ticket").getString("number")).isEqualTo(number);
            }
            Eventually.untilPasses("no counter news relayed to B once its screen closed", () -> {
                String number = callThenNoShow(agent);
                // The room's no-show was published after the counter's call: if that had gone to B, it is there.
                whatTheRoomHeardOf(room, number);
                assertThat(relayedToB).noneMatch(body -> body.contains("\"" + number + "\""));
            });
        } finally {
            vertxB.eventBus().removeInboundInterceptor(relayWatch);
            ok(nodeA.post("/api/v1/counters/c1/close", agent, null));
        }
    }

    @Test
    void a_page_on_node_b_is_told_it_listens_once_node_a_knows_and_then_hears_a_call_made_through_a() {
        // The page re-reads its state when the bridge approves its registrations (eventbus.js): anything published
        // on another node from then on must reach it. Node A is slow to take B's news here.
        String counterScreen = nodeB.tokenOf("cscreen-1");
        String agent = nodeA.agentAtCounter("cluster.approved", "s1", "c1");
        long holdMillis = 800;
        AtomicBoolean held = new AtomicBoolean();
        Handler<DeliveryContext<Object>> slowToTakeNews = context -> {
            if ("change".equals(context.message().headers().get("ask"))
                    && context.message().body() instanceof JsonObject change
                    && "guichet.counter.c1".equals(change.getString("address"))
                    && change.getBoolean("listening") && held.compareAndSet(false, true)) {
                vertxA.setTimer(holdMillis, timer -> context.next());
            } else {
                context.next();
            }
        };
        // B tells a change only to the nodes that took its snapshot (asked when a node first publishes to browsers).
        String b = ((VertxInternal) vertxB).clusterManager().getNodeId();
        Eventually.await("A knows what B listens to", () -> nodeA.server().channels().knowsWhatListens(b),
                known -> known);
        vertxA.eventBus().addInboundInterceptor(slowToTakeNews);
        try (BridgeSocket counter = BridgeSocket.connect(vertxB, nodeB.port())) {
            long asked = System.nanoTime();
            counter.register("guichet.counter.c1", counterScreen);

            assertThat(counter.nextApproval(Duration.ofSeconds(10))).isEqualTo("guichet.counter.c1");
            long approvedAfterMillis = Duration.ofNanos(System.nanoTime() - asked).toMillis();
            String number = callThenNoShow(agent);

            assertThat(counter.nextOn("guichet.counter.c1", "call").getJsonObject("body")
                    .getJsonObject("ticket").getString("number")).isEqualTo(number);
            assertThat(held).as("node A was told B began to listen to counter c1").isTrue();
            assertThat(approvedAfterMillis).as("approval waited for node A").isGreaterThanOrEqualTo(holdMillis);
        } finally {
            vertxA.eventBus().removeInboundInterceptor(slowToTakeNews);
            ok(nodeA.post("/api/v1/counters/c1/close", agent, null));
        }
    }

    /** A ticket issued, called at counter c1 and marked not shown, through node A; its number. */
    private static String callThenNoShow(String agent) {
        JsonObject issued = nodeA.issue(agent, "svc-a");
        String number = ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/call", agent,
                new JsonObject().put("counterId", "c1"))).getString("number");
        ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/no-show", agent, null));
        return number;
    }

    @Test
    void a_ticket_requeued_on_the_other_node_leaves_its_counter_screen() {
        // No sticky sessions behind the load balancer: the call may go through one node and the requeue through the
        // other, which never saw the call; the counter's screen must still hear the ticket left.
        String counterScreen = nodeA.tokenOf("cscreen-1");
        String agent = nodeA.agentAtCounter("cluster.requeuer", "s1", "c1");
        try (BridgeSocket socket = listening(vertxA, nodeA, "guichet.counter.c1", counterScreen)) {
            JsonObject issued = nodeA.issue(agent, "svc-a");
            ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/call", agent,
                    new JsonObject().put("counterId", "c1")));
            socket.nextOn("guichet.counter.c1", "call");

            ok(nodeB.post("/api/v1/tickets/" + issued.getLong("id") + "/requeue", agent, null));

            JsonObject left = socket.nextOn("guichet.counter.c1", "requeue").getJsonObject("body");
            assertThat(left.getJsonObject("ticket").getLong("id")).isEqualTo(issued.getLong("id"));
        } finally {
            ok(nodeA.post("/api/v1/counters/c1/close", agent, null));
        }
    }

    @Test
    void a_token_reissued_on_node_a_closes_the_screen_socket_on_node_b() {
        String oldToken = nodeB.deviceToken("screen-1b");
        try (BridgeSocket socket = listening(vertxB, nodeB, "guichet.room.r1b", oldToken)) {
            nodeA.deviceToken("screen-1b");

            assertThat(socket.awaitClosed(10)).as("socket on node B closed after the re-issue on node A").isTrue();
        }
        status(nodeB.get("/api/v1/rooms/r1b/display", oldToken), 401);
    }

    @Test
    void a_screen_connected_to_node_b_counts_as_connected_on_node_a_until_it_closes() {
        String screen = nodeB.tokenOf("screen-2");
        try (BridgeSocket socket = listening(vertxB, nodeB, "guichet.room.r2", screen)) {
            Eventually.await("node A knowing screen-2 is connected to B", Duration.ofSeconds(10),
                    () -> nodeA.services().alerts().presence().connected("screen-2"), Boolean.TRUE::equals);
        }
        Eventually.await("node A knowing screen-2 left B", Duration.ofSeconds(10),
                () -> nodeA.services().alerts().presence().connected("screen-2"), Boolean.FALSE::equals);
    }

    @Test
    void a_logout_on_node_a_ends_the_session_on_node_b() {
        String agent = nodeA.agent("cluster.leaver", "agent", "s1");
        ok(nodeB.get("/api/v1/auth/me", agent)); // node B now knows the session

        status(nodeA.post("/api/v1/auth/logout", agent, null), 204);

        // The logout answers once every node has forgotten the session: B refuses it from the next request on.
        status(nodeB.get("/api/v1/auth/me", agent), 401);
    }

    @Test
    void a_password_reset_on_node_a_is_refused_on_node_b_from_the_answer_on_even_when_the_network_is_slow() {
        String agent = nodeA.agent("cluster.reset", "agent", "s1");
        long agentId = ok(nodeB.get("/api/v1/auth/me", agent)).getLong("id"); // node B now knows the session
        try (BridgeSocket socket = BridgeSocket.connect(vertxB, nodeB.port());
             SlowRevocations slow = SlowRevocations.on(vertxA)) {
            socket.register("guichet.site.s1.queue", agent);
            socket.awaitRegistered("guichet.site.s1.queue");

            assertThat(nodeA.post("/api/v1/admin/agents/" + agentId + "/password", nodeA.adminToken(),
                    new JsonObject().put("password", "Granite-swallow-beside-Millau-7")).statusCode())
                    .isLessThan(300);

            assertThat(slow.delayed()).as("revocation messages held back on the way").isPositive();
            status(nodeB.get("/api/v1/auth/me", agent), 401);
            assertThat(socket.awaitClosed(10)).as("socket on node B closed").isTrue();
        }
    }

    @Test
    void a_supervisor_moved_to_another_site_on_node_a_is_refused_on_node_b_from_the_answer_on() {
        String supervisor = nodeA.agent("cluster.moved", "supervisor", "s1");
        JsonObject me = ok(nodeB.get("/api/v1/auth/me", supervisor)); // node B now knows the session
        try (BridgeSocket socket = BridgeSocket.connect(vertxB, nodeB.port());
             SlowRevocations slow = SlowRevocations.on(vertxA)) {
            socket.register("guichet.site.s1.alerts", supervisor);
            socket.awaitRegistered("guichet.site.s1.alerts");

            ok(nodeA.send(HttpMethod.PATCH, "/api/v1/admin/agents/" + me.getLong("id"),
                    nodeA.adminToken(), Map.of("Content-Type", "application/json",
                            "If-Match", "\"" + me.getInteger("version") + "\""),
                    new JsonObject().put("siteIds", new JsonArray().add("s2")).toBuffer()));

            assertThat(slow.delayed()).as("revocation messages held back on the way").isPositive();
            status(nodeB.get("/api/v1/auth/me", supervisor), 401);
            assertThat(socket.awaitClosed(10)).as("socket on node B, opened for site s1, closed").isTrue();
        }
    }

    @Test
    void a_device_token_reissued_on_node_a_is_refused_on_node_b_from_the_answer_on() {
        String oldToken = nodeA.deviceToken("screen-1b");
        ok(nodeB.get("/api/v1/rooms/r1b/display", oldToken)); // node B now knows the token
        try (SlowRevocations slow = SlowRevocations.on(vertxA)) {
            String newToken = nodeA.deviceToken("screen-1b");

            assertThat(slow.delayed()).as("revocation messages held back on the way").isPositive();
            status(nodeB.get("/api/v1/rooms/r1b/display", oldToken), 401);
            ok(nodeB.get("/api/v1/rooms/r1b/display", newToken));
        }
    }

    /**
     * Holds back, for a moment, every revocation message node A sends, as a busy network or a paused node would: the
     * revoking call must not answer before the other nodes have forgotten the credentials.
     */
    private static final class SlowRevocations implements AutoCloseable {

        private final Vertx vertx;
        private final AtomicInteger delayed = new AtomicInteger();
        private final Handler<DeliveryContext<Object>> interceptor;

        private SlowRevocations(Vertx vertx) {
            this.vertx = vertx;
            this.interceptor = context -> {
                if (context.message().address().startsWith("guichet.internal.auth.revoked")) {
                    delayed.incrementAndGet();
                    vertx.setTimer(300, timer -> context.next());
                } else {
                    context.next();
                }
            };
        }

        static SlowRevocations on(Vertx vertx) {
            SlowRevocations slow = new SlowRevocations(vertx);
            vertx.eventBus().addOutboundInterceptor(slow.interceptor);
            return slow;
        }

        int delayed() {
            return delayed.get();
        }

        @Override
        public void close() {
            vertx.eventBus().removeOutboundInterceptor(interceptor);
        }
    }

    @Test
    void a_service_added_through_node_a_is_issued_on_node_b() {
        JsonObject deployment = ok(nodeA.get("/api/v1/admin/deployment", nodeA.adminToken()));
        JsonObject site = deployment.getJsonArray("sites").stream().map(JsonObject.class::cast)
                .filter(candidate -> "s2".equals(candidate.getString("id"))).findFirst().orElseThrow();
        site.getJsonArray("services").add(new JsonObject().put("id", "svc-new").put("name", "Nouveau service")
                .put("prefix", "N").put("room", "r2").put("targetWaitMinutes", 15));
        ok(nodeA.put("/api/v1/admin/deployment", nodeA.adminToken(),
                new JsonObject().put("sites", new JsonArray().add(site))));

        String agent = nodeB.agent("cluster.newservice", "agent", "s2");
        JsonObject issued = nodeB.issue(agent, "svc-new");

        assertThat(issued.getString("number")).startsWith("N");
    }

    @Test
    void news_nobody_listens_to_costs_no_cluster_lookup() {
        // Vert.x asks Hazelcast who listens to an address on every message to it while nobody does: a ticket without
        // its visitor's page, a counter without its tablet. Browsers' messages go through one relay address instead.
        String agent = nodeA.agentAtCounter("cluster.quiet", "s2", "z1");
        long before = subscriptionLookups();
        for (int i = 0; i < 10; i++) {
            JsonObject issued = nodeA.issue(agent, "svc-z");
            ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/call", agent,
                    new JsonObject().put("counterId", "z1")));
            ok(nodeA.post("/api/v1/tickets/" + issued.getLong("id") + "/no-show", agent, null));
        }
        assertThat(subscriptionLookups() - before).as("Hazelcast lookups of listeners for 30 ticket actions")
                .isLessThan(10);
    }

    /** How many times the cluster's members were asked who listens to an address (each counts its own part). */
    private static long subscriptionLookups() {
        long lookups = 0;
        for (Vertx vertx : List.of(vertxA, vertxB)) {
            HazelcastInstance hazelcast = ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager())
                    .getHazelcastInstance();
            lookups += hazelcast.getMultiMap("__vertx.subs").getLocalMultiMapStats().getGetOperationCount();
        }
        return lookups;
    }

    @Test
    void dirty_statistics_are_rebuilt_once_when_both_nodes_run_the_job_at_the_same_time() {
        String agent = nodeA.agentAtCounter("cluster.rollups", "s1", "c3");
        for (int i = 0; i < 3; i++) {
            JsonObject issued = nodeA.issue(agent, "svc-c");
            String ticket = "/api/v1/tickets/" + issued.getLong("id");
            ok(nodeA.post(ticket + "/call", agent, new JsonObject().put("counterId", "c3")));
            ok(nodeB.post(ticket + "/start", agent, null));
            ok(nodeA.post(ticket + "/finish", agent, new JsonObject()));
        }
        long dirty = nodeA.sql("SELECT count(DISTINCT (site_id, local_day)) AS n FROM stats_dirty_log").get(0).getLong("n");
        assertThat(dirty).as("dirty (site, day) pairs before the job").isPositive();
        // The site has gone quiet: its day is due for rebuilding.
        nodeA.sql("UPDATE stats_dirty_log SET marked_at = marked_at - interval '1 hour'");

        int byA = 0;
        int byB = 0;
        // Both nodes' jobs fire together until neither finds work: each pair is rebuilt by one node, once.
        while (true) {
            List<Integer> rebuilt = await(Future.all(nodeA.services().stats().rebuildDirtyRollups(),
                    nodeB.services().stats().rebuildDirtyRollups())).list();
            if (rebuilt.get(0) + rebuilt.get(1) == 0) {
                break;
            }
            byA += rebuilt.get(0);
            byB += rebuilt.get(1);
        }
        assertThat(byA + byB).isEqualTo(dirty);
    }
}
