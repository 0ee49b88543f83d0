package org.guichet.server.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 counters calling in parallel while kiosks issue thousands of tickets in parallel, all over HTTP against the real
 * database: every ticket called exactly once, no number twice, no gap, nothing lost.
 */
class ConcurrencyTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static final int COUNTERS = 20;
    private static final int KIOSK_CLIENTS = 16;
    private static final int TICKETS_PER_CLIENT = 200;
    private static final List<String> SERVICES = List.of("load-a", "load-b", "load-c", "load-d");

    @BeforeAll
    static void setUp() {
        JsonArray services = new JsonArray();
        for (int i = 0; i < SERVICES.size(); i++) {
            services.add(new JsonObject().put("id", SERVICES.get(i)).put("name", "Charge " + i)
                    .put("prefix", String.valueOf((char) ('L' + i))).put("room", "load-room")
                    .put("targetWaitMinutes", 10));
        }
        JsonArray counters = new JsonArray();
        for (int i = 0; i < COUNTERS; i++) {
            // Every counter serves every service, in a rotated order, so they all compete for the same tickets.
            JsonArray served = new JsonArray();
            for (int s = 0; s < SERVICES.size(); s++) {
                served.add(SERVICES.get((i + s) % SERVICES.size()));
            }
            counters.add(new JsonObject().put("id", "load-c" + i).put("name", "Guichet " + i)
                    .put("room", "load-room").put("services", served));
        }
        JsonObject deployment = new JsonObject().put("sites", new JsonArray().add(new JsonObject()
                .put("id", "load").put("name", "Site de charge").put("timeZone", "Europe/Paris")
                .put("rooms", new JsonArray().add(new JsonObject().put("id", "load-room").put("name", "Salle")))
                .put("services", services).put("counters", counters)
                .put("devices", new JsonArray().add(new JsonObject().put("id", "load-kiosk").put("kind", "kiosk")))));
        TestServer.ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
    }

    @Test
    void every_ticket_is_called_exactly_once_and_numbers_are_unique() {
        String kiosk = server.deviceToken("load-kiosk");
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) {
            agents.add(server.agentAtCounter("load.agent" + i, "load", "load-c" + i));
        }
        AtomicBoolean issuingDone = new AtomicBoolean();
        Map<Long, String> issued = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> calledBy = new ConcurrentHashMap<>();

        List<Future<Void>> kiosks = new ArrayList<>();
        for (int client = 0; client < KIOSK_CLIENTS; client++) {
            kiosks.add(issueLoop(kiosk, client, 0, issued));
        }
        List<Future<Void>> desks = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) {
            desks.add(serveLoop(agents.get(i), "load-c" + i, issuingDone, calledBy));
        }
        TestServer.await(Future.all(kiosks));
        issuingDone.set(true);
        TestServer.await(Future.all(desks));

        int total = KIOSK_CLIENTS * TICKETS_PER_CLIENT;
        assertThat(issued).hasSize(total);
        assertThat(calledBy.keySet()).isEqualTo(issued.keySet());
        assertThat(calledBy.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));

        var rows = server.sql("""
                SELECT t.id, t.prefix, t.seq, t.status,
                       (SELECT count(*) FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'CALL') AS calls
                FROM ticket t WHERE t.site_id = $1""", "load");
        assertThat(rows.size()).isEqualTo(total);
        Map<String, List<Integer>> sequences = new ConcurrentHashMap<>();
        for (Row row : rows) {
            assertThat(row.getString("status")).isEqualTo("DONE");
            assertThat(row.getLong("calls")).isEqualTo(1);
            sequences.computeIfAbsent(row.getString("prefix"), p -> new ArrayList<>()).add(row.getInteger("seq"));
        }
        sequences.forEach((prefix, seqs) -> {
            assertThat(seqs).doesNotHaveDuplicates();
            // No gaps either: 1..n for each prefix.
            assertThat(seqs.stream().mapToInt(Integer::intValue).max().orElse(0)).isEqualTo(seqs.size());
        });
        assertThat(issued.values()).doesNotHaveDuplicates();
        // The waiting counts kept by the database went up and down 3,200 times each and are back to zero.
        var counts = server.sql("SELECT service_id, waiting FROM queue_length WHERE site_id = $1", "load");
        assertThat(counts.size()).isEqualTo(SERVICES.size());
        counts.forEach(row -> assertThat(row.getInteger("waiting")).as(row.getString("service_id")).isZero());
    }

    private Future<Void> issueLoop(String kiosk, int client, int done, Map<Long, String> issued) {
        if (done == TICKETS_PER_CLIENT) {
            return Future.succeededFuture();
        }
        String service = SERVICES.get((client + done) % SERVICES.size());
        JsonObject body = new JsonObject().put("serviceId", service)
                .put("idempotencyKey", "load-" + client + "-" + done);
        return server.request(HttpMethod.POST, "/api/v1/tickets", kiosk, body).compose(response -> {
            if (response.statusCode() != 201) {
                return Future.failedFuture("issue answered " + response.statusCode() + " " + response.bodyAsString());
            }
            JsonObject ticket = response.bodyAsJsonObject();
            issued.put(ticket.getLong("id"), ticket.getString("number"));
            return issueLoop(kiosk, client, done + 1, issued);
        });
    }

    private Future<Void> serveLoop(String agent, String counter, AtomicBoolean issuingDone,
                                   Map<Long, AtomicInteger> calledBy) {
        boolean lastRound = issuingDone.get();
        return server.request(HttpMethod.POST, "/api/v1/counters/" + counter + "/call-next", agent, null)
                .compose(response -> {
                    if (response.statusCode() == 204) {
                        if (lastRound) {
                            return Future.succeededFuture();
                        }
                        Promise<Void> later = Promise.promise();
                        server.vertx().setTimer(5, id -> serveLoop(agent, counter, issuingDone, calledBy)
                                .onComplete(later));
                        return later.future();
                    }
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(counter + " call-next answered " + response.statusCode() + " "
                                + response.bodyAsString());
                    }
                    long id = response.bodyAsJsonObject().getLong("id");
                    calledBy.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                    return expect(server.request(HttpMethod.POST, "/api/v1/tickets/" + id + "/start", agent, null))
                            .compose(ok -> expect(server.request(HttpMethod.POST, "/api/v1/tickets/" + id + "/finish",
                                    agent, null)))
                            .compose(ok -> serveLoop(agent, counter, issuingDone, calledBy));
                });
    }

    private static Future<Void> expect(Future<HttpResponse<Buffer>> request) {
        return request.compose(response -> response.statusCode() == 200 ? Future.succeededFuture()
                : Future.failedFuture(response.statusCode() + " " + response.bodyAsString()));
    }
}
