package org.guichet.server.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.guichet.server.ServerVertx;
import org.guichet.server.config.ClusterSettings;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered nodes (Hazelcast on 127.0.0.1) over one database, each built as Main builds it: each scrape has its
 * own node's counters, and both report the same queues, read from the database.
 */
class ClusteredMetricsTest {

    private static final String TOKEN = "clustered-metrics-token-0123456789";

    private static Scrape scrape(TestServer node) {
        return Scrape.parse(TestServer.status(node.get("/metrics", TOKEN), 200).bodyAsString());
    }

    private static double waiting(Scrape scrape, String serviceId) {
        return scrape.value("guichet_queue_waiting", "service", serviceId, "site", "s1");
    }

    private static double issued(Scrape scrape, String serviceId) {
        return scrape.value("guichet_tickets_issued_total", "service", serviceId, "site", "s1");
    }

    @Test
    void each_node_counts_what_it_did_and_both_report_the_same_queues() throws Exception {
        List<Integer> members = List.of(LoopbackPorts.free(), LoopbackPorts.free());
        String cluster = "metrics-" + UUID.randomUUID();
        MetricsSettings settingsA = MetricsSettings.withToken(TOKEN);
        MetricsSettings settingsB = MetricsSettings.withToken(TOKEN);
        List<Vertx> vertxes = new ArrayList<>();
        List<TestServer> nodes = new ArrayList<>();
        try {
            vertxes.add(TestServer.await(ServerVertx.create(
                    ClusterSettings.onLoopback(members.get(0), members, cluster),
                    NodeMetrics.vertxOptions(new VertxOptions(), settingsA))));
            vertxes.add(TestServer.await(ServerVertx.create(
                    ClusterSettings.onLoopback(members.get(1), members, cluster),
                    NodeMetrics.vertxOptions(new VertxOptions(), settingsB))));
            DatabaseSettings database = TestDatabase.freshDatabase();
            TestServer nodeA = TestServer.start(vertxes.get(0), TestServer.options(database, 0).withMetrics(settingsA));
            nodes.add(nodeA);
            TestServer nodeB = TestServer.start(vertxes.get(1), TestServer.options(database, 0).withMetrics(settingsB));
            nodes.add(nodeB);

            String kiosk = nodeA.tokenOf("kiosk-1");
            nodeA.issue(kiosk, "svc-a");
            nodeA.issue(kiosk, "svc-a");
            nodeB.issue(kiosk, "svc-b");

            Scrape onA = Eventually.await("node A's queues", () -> scrape(nodeA),
                    s -> waiting(s, "svc-a") == 2 && waiting(s, "svc-b") == 1);
            Scrape onB = Eventually.await("node B's queues", () -> scrape(nodeB),
                    s -> waiting(s, "svc-a") == 2 && waiting(s, "svc-b") == 1);

            assertThat(issued(onA, "svc-a")).isEqualTo(2);
            assertThat(issued(onA, "svc-b")).isZero();
            assertThat(issued(onB, "svc-a")).isZero();
            assertThat(issued(onB, "svc-b")).isEqualTo(1);
            // Each node's own Vert.x meters: B served one issue, A two (201 POST /api/v1/tickets), among other 201s.
            assertThat(onA.value("vertx_http_server_requests_total", "code", "201", "method", "POST"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(onB.value("vertx_http_server_requests_total", "code", "201", "method", "POST"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(onA.value("guichet_database_up")).isEqualTo(1);
            assertThat(onB.value("guichet_database_up")).isEqualTo(1);
        } finally {
            nodes.forEach(TestServer::close);
            vertxes.forEach(vertx -> TestServer.await(vertx.close()));
        }
    }
}
