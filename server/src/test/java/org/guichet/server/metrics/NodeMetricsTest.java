package org.guichet.server.metrics;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.Ticket;
import org.guichet.server.domain.TicketAction;
import org.guichet.server.domain.TicketStatus;
import org.guichet.server.domain.WaitingQueue;
import org.guichet.server.service.AlertMonitor;
import org.guichet.server.service.TicketEvents;
import org.guichet.server.testing.TestCatalog;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's meters without a server: the database probe's answers, and a second start in the same Vert.x. */
class NodeMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MetricsSettings settings = MetricsSettings.withToken("node-metrics-test-token-0123");
    private final Vertx vertx = Vertx.vertx(NodeMetrics.vertxOptions(new VertxOptions(), settings));

    @AfterEach
    void close() {
        TestServer.await(vertx.close());
    }

    private static NodeMetrics.Sources sources(Future<Void> probe) {
        AlertMonitor.Observation observation = new AlertMonitor.Observation(NOW.minusSeconds(3),
                List.of(new WaitingQueue("s1", "svc-a", 4, NOW.minusSeconds(90))), List.of());
        return new NodeMetrics.Sources(TestCatalog::twoSites, () -> observation, () -> probe);
    }

    private static Ticket issued(String siteId, String serviceId, Long transferredFrom) {
        return new Ticket(1, siteId, serviceId, "r1", "A", 1, LocalDate.of(2026, 3, 10), PriorityClass.NORMAL, "fr",
                TicketStatus.WAITING, "token", NOW, NOW, null, null, null, null, null, null, 0, null, null, null,
                transferredFrom, null);
    }

    @Test
    void the_database_is_down_when_its_probe_fails_or_does_not_answer() {
        NodeMetrics metrics = NodeMetrics.create(vertx, settings, CLOCK);
        metrics.observe(sources(Future.failedFuture(new IllegalStateException("connection refused"))));
        Scrape refused = Scrape.parse(TestServer.await(metrics.scrape()));
        assertThat(refused.value("guichet_database_up")).isZero();
        assertThat(refused.value("guichet_queue_waiting", "service", "svc-a", "site", "s1")).isEqualTo(4);
        assertThat(refused.value("guichet_queue_longest_wait_seconds", "service", "svc-a", "site", "s1"))
                .isEqualTo(90);
        assertThat(refused.value("guichet_observation_age_seconds")).isEqualTo(3);

        metrics.observe(sources(Promise.<Void>promise().future()));
        assertThat(Scrape.parse(TestServer.await(metrics.scrape())).value("guichet_database_up")).isZero();

        metrics.observe(sources(Future.succeededFuture()));
        assertThat(Scrape.parse(TestServer.await(metrics.scrape())).value("guichet_database_up")).isEqualTo(1);
        metrics.close();
    }

    @Test
    void issued_tickets_are_counted_but_a_transfer_s_arrival_and_a_recall_are_not() {
        NodeMetrics metrics = NodeMetrics.create(vertx, settings, CLOCK);
        List<TicketAction> passedOn = new ArrayList<>();
        TicketEvents counted = metrics.counting((ticket, action, leftCounterId) -> passedOn.add(action));
        counted.ticketChanged(issued("s1", "svc-a", null), TicketAction.ISSUE);
        counted.ticketChanged(issued("s1", "svc-a", null), TicketAction.ISSUE);
        counted.ticketChanged(issued("s1", "svc-a", 7L), TicketAction.ISSUE);
        counted.ticketChanged(issued("s1", "svc-a", null), TicketAction.CALL);
        counted.ticketChanged(issued("s1", "svc-a", null), TicketAction.RECALL);

        Scrape scrape = Scrape.parse(TestServer.await(metrics.scrape()));
        assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-a", "site", "s1")).isEqualTo(2);
        assertThat(scrape.value("guichet_tickets_called_total", "service", "svc-a", "site", "s1")).isEqualTo(1);
        assertThat(passedOn).containsExactly(TicketAction.ISSUE, TicketAction.ISSUE, TicketAction.ISSUE,
                TicketAction.CALL, TicketAction.RECALL);
        metrics.close();
    }

    @Test
    void a_server_started_again_in_the_same_vertx_starts_its_meters_afresh() {
        NodeMetrics first = NodeMetrics.create(vertx, settings, CLOCK);
        first.observe(sources(Future.succeededFuture()));
        first.counting((ticket, action, leftCounterId) -> { }).ticketChanged(issued("s1", "svc-a", null), TicketAction.ISSUE);
        TestServer.await(first.scrape());
        first.close();

        NodeMetrics second = NodeMetrics.create(vertx, settings, CLOCK);
        AlertMonitor.Observation emptier = new AlertMonitor.Observation(NOW, List.of(), List.of());
        second.observe(new NodeMetrics.Sources(TestCatalog::twoSites, () -> emptier, Future::succeededFuture));
        Scrape scrape = Scrape.parse(TestServer.await(second.scrape()));
        assertThat(scrape.value("guichet_tickets_issued_total", "service", "svc-a", "site", "s1")).isZero();
        assertThat(scrape.value("guichet_queue_waiting", "service", "svc-a", "site", "s1")).isZero();
        assertThat(scrape.value("guichet_observation_age_seconds")).isZero();
        assertThat(scrape.all("jvm_threads_live_threads")).hasSize(1);
        second.close();
    }
}
