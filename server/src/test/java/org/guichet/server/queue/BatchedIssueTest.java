package org.guichet.server.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.service.IssueRequest;
import org.guichet.server.service.Issued;
import org.guichet.server.service.TicketIssuer;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/**
 * Issuing under a burst, where tickets leave many to a transaction: numbering, people ahead, retried keys and a
 * request the database refuses; and the waiting counts the database keeps through every transition.
 */
class BatchedIssueTest {

    @RegisterExtension
    final TestServer server = TestServer.perTest();
    private TicketIssuer issuer;

    @BeforeEach
    void setUp() {
        issuer = server.services().issuer();
    }

    /** A kiosk's request; a kiosk unknown to the database makes the insert fail. */
    private record KioskRequest(Principal device, IssueRequest request) {
    }

    private static KioskRequest fromKiosk(String deviceId, String key) {
        return new KioskRequest(Principal.device(deviceId, "kiosk", "s2", null, null),
                new IssueRequest(null, "svc-z", PriorityClass.NORMAL, "fr", key));
    }

    /** Submits all requests from one event-loop task, so that they queue up behind the first batches. */
    private List<Future<Issued>> submitTogether(List<KioskRequest> requests) {
        List<Future<Issued>> outcomes = new ArrayList<>();
        Promise<Void> submitted = Promise.promise();
        server.vertx().runOnContext(v -> {
            requests.forEach(request -> outcomes.add(issuer.issue(request.device(), request.request())));
            submitted.complete();
        });
        TestServer.await(submitted.future());
        TestServer.await(Future.join(outcomes).otherwiseEmpty());
        return outcomes;
    }

    private List<Issued> burst(List<KioskRequest> requests) {
        return submitTogether(requests).stream().map(outcome -> {
            assertThat(outcome.succeeded()).as(String.valueOf(outcome.cause())).isTrue();
            return outcome.result();
        }).toList();
    }

    private static KioskRequest request(String key) {
        return fromKiosk("kiosk-2", key);
    }

    @Test
    void a_burst_is_numbered_in_arrival_order_with_exact_people_ahead_and_shares_commits() {
        List<Issued> issued = burst(IntStream.range(0, 60).mapToObj(i -> request("burst-" + i)).toList());

        assertThat(issued).extracting(result -> result.ticket().number())
                .isEqualTo(IntStream.rangeClosed(1, 60).mapToObj(i -> String.format("Z%03d", i)).toList());
        assertThat(issued).extracting(Issued::peopleAhead)
                .isEqualTo(IntStream.range(0, 60).boxed().toList());
        assertThat(issued).noneMatch(Issued::replayed);
        // Tickets written by one transaction share its xmin: the burst needed far fewer commits than tickets.
        long transactions = server.sql("SELECT count(DISTINCT xmin::text) FROM ticket WHERE site_id = $1",
                "s2").get(0).getLong(0);
        assertThat(transactions).as("60 requests submitted in one event-loop task wait behind the first batch")
                .isLessThan(30);
        assertThat(server.sql("SELECT count(*) FROM ticket_event WHERE kind = 'ISSUE' AND site_id = $1", "s2")
                .get(0).getLong(0)).isEqualTo(60);
    }

    @Test
    void a_key_sent_twice_in_a_burst_or_after_it_gives_the_same_ticket_once() {
        List<KioskRequest> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(request("twice-" + (i % 10)));
        }
        List<Issued> issued = burst(requests);
        for (int i = 0; i < 10; i++) {
            assertThat(issued.get(i + 10).ticket().id()).isEqualTo(issued.get(i).ticket().id());
        }
        assertThat(issued.stream().filter(Issued::replayed)).hasSize(10);
        assertThat(issued.stream().map(result -> result.ticket().number()).distinct().sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("Z%03d", i)).toList());

        Issued again = burst(List.of(request("twice-3"))).get(0);
        assertThat(again.replayed()).isTrue();
        assertThat(again.ticket().id()).isEqualTo(issued.get(3).ticket().id());
        assertThat(server.sql("SELECT count(*) FROM ticket WHERE site_id = $1", "s2").get(0).getLong(0))
                .isEqualTo(10);
    }

    @Test
    void a_request_the_database_refuses_costs_nobody_else_a_ticket_or_a_number() {
        List<KioskRequest> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(i == 17
                    ? fromKiosk("no-such-device", "bad")
                    : request("good-" + i));
        }
        List<Future<Issued>> outcomes = submitTogether(requests);

        assertThat(outcomes.get(17).failed()).isTrue();
        List<String> numbers = outcomes.stream().filter(Future::succeeded)
                .map(outcome -> outcome.result().ticket().number()).sorted().toList();
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, 29).mapToObj(i -> String.format("Z%03d", i)).toList());
        assertThat(server.sql("SELECT last_value FROM ticket_sequence WHERE site_id = $1", "s2").get(0)
                .getInteger(0)).isEqualTo(29);
    }

    @Test
    void waiting_counts_follow_every_transition() {
        String kiosk = server.deviceToken("kiosk-1");
        String agent = server.agentAtCounter("count.agent1", "s1", "c1");
        String agent3 = server.agentAtCounter("count.agent3", "s1", "c3");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonObject ticket = server.issue(kiosk, i % 2 == 0 ? "svc-a" : "svc-b");
            assertThat(ticket.getInteger("peopleAhead")).isEqualTo(i / 2);
            ids.add(ticket.getLong("id"));
        }
        assertCountsMatch(Map.of("svc-a", 3L, "svc-b", 3L));

        long called = callNext(agent, "c1");
        assertCountsMatch(Map.of("svc-a", 2L, "svc-b", 3L));
        ok(server.post("/api/v1/tickets/" + called + "/requeue", agent, null));
        assertCountsMatch(Map.of("svc-a", 3L, "svc-b", 3L));

        called = callNext(agent, "c1");
        ok(server.post("/api/v1/tickets/" + called + "/transfer", agent, new JsonObject().put("serviceId", "svc-c")
                .put("note", "Dossier à compléter")));
        assertCountsMatch(Map.of("svc-a", 2L, "svc-b", 3L, "svc-c", 1L));

        ok(server.post("/api/v1/tickets/" + ids.get(5) + "/cancel", agent, null));
        assertCountsMatch(Map.of("svc-a", 2L, "svc-b", 2L, "svc-c", 1L));

        called = callNext(agent3, "c3");
        ok(server.post("/api/v1/tickets/" + called + "/no-show", agent3, null));
        called = callNext(agent, "c1");
        ok(server.post("/api/v1/tickets/" + called + "/start", agent, null));
        ok(server.post("/api/v1/tickets/" + called + "/finish", agent, null));
        List<Row> waiting = server.sql("SELECT service_id, count(*) FROM ticket WHERE site_id = 's1' AND status = 'WAITING'"
                + " GROUP BY service_id");
        Map<String, Long> expected = new HashMap<>();
        waiting.forEach(row -> expected.put(row.getString(0), row.getLong(1)));
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertCountsMatch(expected);
    }

    private long callNext(String token, String counter) {
        HttpResponse<Buffer> response = server.post("/api/v1/counters/" + counter + "/call-next", token, null);
        return ok(response).getLong("id");
    }

    /** queue_length holds, for every queue, exactly the number of WAITING tickets (services absent: none). */
    private void assertCountsMatch(Map<String, Long> expected) {
        Map<String, Long> kept = new HashMap<>();
        server.sql("SELECT service_id, waiting FROM queue_length WHERE site_id = 's1'").stream()
                .filter(row -> row.getInteger(1) > 0)
                .forEach(row -> kept.put(row.getString(0), row.getInteger(1).longValue()));
        Map<String, Long> actual = new HashMap<>();
        server.sql("SELECT service_id, count(*) FROM ticket WHERE site_id = 's1' AND status = 'WAITING' GROUP BY service_id").forEach(row -> actual.put(row.getString(0), row.getLong(1)));
        assertThat(actual).isEqualTo(expected);
        assertThat(kept).isEqualTo(expected);
    }
}
