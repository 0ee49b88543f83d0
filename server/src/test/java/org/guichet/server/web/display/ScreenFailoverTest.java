package org.guichet.server.web.display;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.guichet.server.ServerVertx;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Screens move to another node when theirs is gone: two clustered server nodes over one PostgreSQL, each told both
 * nodes' addresses (http.publicUrls), a waiting-room screen and a counter-top screen opened on node A in real
 * Chromium. Node A stops; both screens open their page on node B by themselves and show a call made there.
 */
class ScreenFailoverTest {

    /** What the issue asks: a screen resumes on another node within 10 s of losing its own. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(10);

    private final List<Vertx> vertxes = new ArrayList<>();
    private TestServer nodeA;
    private TestServer nodeB;
    private String urlA;
    private String urlB;

    @BeforeEach
    void startTwoClusteredNodes() {
        int httpA = LoopbackPorts.free();
        int httpB = LoopbackPorts.free();
        int hazelcastA = LoopbackPorts.free();
        int hazelcastB = LoopbackPorts.free();
        String cluster = "screen-failover-" + UUID.randomUUID();
        Future<Vertx> a = ServerVertx.create(ClusterSettings.onLoopback(hazelcastA, List.of(hazelcastA, hazelcastB),
                cluster));
        Future<Vertx> b = ServerVertx.create(ClusterSettings.onLoopback(hazelcastB, List.of(hazelcastA, hazelcastB),
                cluster));
        Vertx vertxA = await(a);
        vertxes.add(vertxA);
        Vertx vertxB = await(b);
        vertxes.add(vertxB);
        urlA = "http://127.0.0.1:" + httpA;
        urlB = "http://127.0.0.1:" + httpB;
        DatabaseSettings database = TestDatabase.freshDatabase();
        nodeA = TestServer.start(vertxA, TestServer.options(database, httpA).withPublicUrls(List.of(urlA, urlB)));
        nodeB = TestServer.start(vertxB, TestServer.options(database, httpB).withPublicUrls(List.of(urlA, urlB)));
    }

    @AfterEach
    void stopNodes() {
        for (TestServer node : new TestServer[]{nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        vertxes.forEach(vertx -> await(vertx.close()));
    }

    @Test
    void when_node_a_stops_both_screens_move_to_node_b_by_themselves_and_show_a_call_made_there() {
        String roomScreen = nodeA.deviceToken("screen-1");
        String counterScreen = nodeA.deviceToken("cscreen-1");
        String agent = nodeA.agentAtCounter("failover.agent", "s1", "c1");
        ScreenPage.inBrowser(1280, 720, page -> {
            String roomWindow = page.driver().getWindowHandle();
            page.open(urlA + "/display/?token=" + roomScreen);
            page.driver().switchTo().newWindow(WindowType.WINDOW);
            String counterWindow = page.driver().getWindowHandle();
            page.open(urlA + "/display/counter.html?token=" + counterScreen);
            page.awaitCounterReady();
            in(page, roomWindow, () -> {
                page.awaitRoomReady();
                page.await(Duration.ofSeconds(10), d -> List.of(urlA, urlB).equals(page.script(
                        "return window.guichetDisplay.nodes")));
                return null;
            });

            // The cluster at work: a call made on B reaches the screens connected to A.
            JsonObject throughB = call(nodeB, agent);
            in(page, roomWindow, () -> page.await(Duration.ofSeconds(10),
                    d -> throughB.getString("number").equals(page.text("current-number"))));
            in(page, counterWindow, () -> page.await(Duration.ofSeconds(10),
                    d -> throughB.getString("number").equals(page.text("number"))));
            finish(nodeB, agent, throughB);

            long stopping = System.nanoTime();
            nodeA.close();
            nodeA = null;
            await(vertxes.removeFirst().close());
            long stopMillis = (System.nanoTime() - stopping) / 1_000_000;

            in(page, roomWindow, () -> page.await(remaining(stopping), d -> page.driver().getCurrentUrl()
                    .startsWith(urlB + "/display/") && Boolean.TRUE.equals(page.script(
                    "return window.guichetDisplay.connection === 'open' && window.guichetDisplay.syncs > 0"))));
            long roomMillis = (System.nanoTime() - stopping) / 1_000_000;
            in(page, counterWindow, () -> page.await(remaining(stopping), d -> page.driver().getCurrentUrl()
                    .startsWith(urlB + "/display/counter.html") && Boolean.TRUE.equals(page.script(
                    "return window.guichetCounterScreen.connection === 'open'"
                            + " && window.guichetCounterScreen.syncs > 0"))));
            long counterMillis = (System.nanoTime() - stopping) / 1_000_000;
            System.out.println("node A stopped in " + stopMillis + " ms; room screen on node B after " + roomMillis
                    + " ms, counter screen after " + counterMillis + " ms (from the stop)");

            JsonObject afterMove = call(nodeB, agent);
            in(page, roomWindow, () -> {
                page.await(Duration.ofSeconds(10),
                        d -> afterMove.getString("number").equals(page.text("current-number")));
                assertThat(page.driver().getCurrentUrl()).as("the token handed over is not left in the address")
                        .isEqualTo(urlB + "/display/");
                assertThat((String) page.script("return localStorage.getItem('guichet.display')"))
                        .contains(roomScreen);
                return null;
            });
            in(page, counterWindow, () -> {
                page.await(Duration.ofSeconds(10), d -> afterMove.getString("number").equals(page.text("number")));
                assertThat(page.driver().getCurrentUrl()).isEqualTo(urlB + "/display/counter.html");
                assertThat((String) page.script("return localStorage.getItem('guichet.counterScreen')"))
                        .contains(counterScreen);
                return null;
            });
        });
    }

    /** Issues a ticket and calls it to counter c1, through that node. */
    private static JsonObject call(TestServer node, String agent) {
        JsonObject ticket = node.issue(agent, "svc-a");
        ok(node.post("/api/v1/tickets/" + ticket.getLong("id") + "/call", agent,
                new JsonObject().put("counterId", "c1")));
        return ticket;
    }

    private static void finish(TestServer node, String agent, JsonObject ticket) {
        ok(node.post("/api/v1/tickets/" + ticket.getLong("id") + "/start", agent, null));
        ok(node.post("/api/v1/tickets/" + ticket.getLong("id") + "/finish", agent, null));
    }

    private static Duration remaining(long since) {
        return RESUMED_WITHIN.minusNanos(System.nanoTime() - since);
    }

    private static <T> T in(ScreenPage page, String window, Supplier<T> action) {
        page.driver().switchTo().window(window);
        return action.get();
    }
}
