package org.guichet.kiosk;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.guichet.kiosk.testing.FaultProxy;
import org.guichet.kiosk.testing.KioskExtension;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.await;
import static org.guichet.server.testing.TestServer.ok;

/**
 * A kiosk given two server addresses, against two real Guichet servers over one PostgreSQL database (A is the
 * extension's server, B a second one on the same database): it moves to B when A stops, gives no answer or says it is
 * unavailable, and never issues or prints a ticket twice across the move.
 */
class KioskFailoverTest {

    @RegisterExtension
    final KioskExtension kiosk = new KioskExtension();

    private Vertx vertxB;
    private TestServer nodeB;

    @BeforeEach
    void startNodeB() {
        vertxB = Vertx.vertx();
        nodeB = TestServer.start(vertxB, TestServer.options(kiosk.server().database(), 0));
    }

    @AfterEach
    void stopNodeB() {
        try {
            nodeB.close();
        } finally {
            await(vertxB.close());
        }
    }

    private JsonObject configWithServers(String... urls) {
        JsonObject config = kiosk.config();
        JsonObject server = config.getJsonObject("server");
        server.remove("url");
        server.put("urls", new JsonArray(List.of((Object[]) urls)));
        return config;
    }

    private long ticketsInDatabase() {
        return nodeB.sql("SELECT count(*) FROM ticket").getFirst().getLong(0);
    }

    private JsonObject reportedHealth() {
        return nodeB.sql("SELECT health FROM device WHERE id = $1", KioskExtension.KIOSK_ID).getFirst()
                .getJsonObject("health");
    }

    @Test
    void when_the_server_in_use_stops_the_kiosk_issues_on_the_next_and_tells_supervision_which_it_uses() {
        String serverA = kiosk.server().baseUrl();
        kiosk.start(configWithServers(serverA, nodeB.baseUrl()));
        assertThat(kiosk.awaitReady().getString("server")).isEqualTo(serverA);
        JsonObject first = ok(kiosk.take("svc-a"));

        kiosk.stopServer();
        JsonObject second = ok(kiosk.take("svc-a"));

        assertThat(first.getString("number")).isEqualTo("A001");
        assertThat(second.getString("number")).isEqualTo("A002");
        assertThat(kiosk.state().getString("server")).isEqualTo(nodeB.baseUrl());
        assertThat(kiosk.state().getString("state")).isEqualTo("READY");
        assertThat(ticketsInDatabase()).isEqualTo(2);
        assertThat(kiosk.printouts()).hasSize(2);
        Eventually.await("the health report names server B", () -> nodeB.baseUrl().equals(
                reportedHealth().getString("server")) && "READY".equals(reportedHealth().getString("state")));
    }

    @Test
    void an_answer_lost_on_one_server_is_asked_of_the_next_with_the_same_key_and_gives_one_ticket_and_one_printout()
            throws Exception {
        FaultProxy proxyToA = kiosk.faultProxy();
        kiosk.start(configWithServers(proxyToA.url(), nodeB.baseUrl()));
        assertThat(kiosk.awaitReady().getString("server")).isEqualTo(proxyToA.url());
        proxyToA.dropTicketAnswers(1);

        JsonObject outcome = ok(kiosk.take("svc-b", "NORMAL", "fr", "tap-lost-on-a-1"));

        assertThat(outcome.getString("number")).isEqualTo("B001");
        assertThat(outcome.getBoolean("printed")).isTrue();
        List<FaultProxy.TicketCall> callsToA = proxyToA.ticketCalls();
        assertThat(callsToA).as("A stored the ticket, then its answer was lost").hasSize(1);
        assertThat(callsToA.get(0).upstreamStatus()).isEqualTo(201);
        assertThat(callsToA.get(0).dropped()).isTrue();
        assertThat(kiosk.state().getString("server")).as("B answered the retry").isEqualTo(nodeB.baseUrl());
        assertThat(ticketsInDatabase()).isEqualTo(1);
        assertThat(nodeB.sql("SELECT idempotency_key FROM ticket").getFirst().getString(0))
                .isEqualTo("tap-lost-on-a-1");
        assertThat(kiosk.printouts()).hasSize(1);
    }

    @Test
    void a_server_answering_unavailable_is_left_for_the_next_which_is_kept_when_the_first_comes_back()
            throws Exception {
        FaultProxy proxyToA = kiosk.faultProxy();
        proxyToA.answerUnavailable(true);
        kiosk.start(configWithServers(proxyToA.url(), nodeB.baseUrl()));

        assertThat(kiosk.awaitReady().getString("server")).isEqualTo(nodeB.baseUrl());
        assertThat(proxyToA.answeredUnavailable()).isPositive();
        proxyToA.answerUnavailable(false);
        JsonObject ticket = ok(kiosk.take("svc-a"));

        assertThat(ticket.getString("number")).isEqualTo("A001");
        assertThat(proxyToA.ticketCalls()).as("B works: the kiosk stays with it").isEmpty();
        assertThat(kiosk.state().getString("server")).isEqualTo(nodeB.baseUrl());
        assertThat(ticketsInDatabase()).isEqualTo(1);
        assertThat(kiosk.printouts()).hasSize(1);
    }
}
