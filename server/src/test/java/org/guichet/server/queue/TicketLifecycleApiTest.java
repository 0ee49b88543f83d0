package org.guichet.server.queue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.guichet.server.store.Database;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Every transition of the ticket lifecycle through the REST API, legal and illegal, with its recorded history. */
class TicketLifecycleApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String kiosk;
    private static String agent1;
    private static String agent2;
    private static String agent3;

    @BeforeAll
    static void setUp() {
        kiosk = server.deviceToken("kiosk-1");
        agent1 = server.agentAtCounter("life.agent1", "s1", "c1");
        agent2 = server.agentAtCounter("life.agent2", "s1", "c2");
        agent3 = server.agentAtCounter("life.agent3", "s1", "c3");
    }

    private static long id(JsonObject ticket) {
        return ticket.getLong("id");
    }

    private static HttpResponse<Buffer> act(long ticketId, String action, String token, JsonObject body) {
        return server.post("/api/v1/tickets/" + ticketId + "/" + action, token, body);
    }

    private static JsonObject callNext(String token, String counter) {
        return ok(server.post("/api/v1/counters/" + counter + "/call-next", token, null));
    }

    private static List<String> history(long ticketId) {
        JsonArray events = server.get("/api/v1/tickets/" + ticketId + "/events", agent1).bodyAsJsonArray();
        return events.stream().map(event -> ((JsonObject) event).getString("kind")).toList();
    }

    @Test
    void issue_call_start_finish_records_each_step() {
        JsonObject issued = server.issue(kiosk, "svc-a");
        assertThat(issued.getString("status")).isEqualTo("WAITING");
        assertThat(issued.getString("number")).matches("A\\d{3}");
        assertThat(issued.getString("statusToken")).hasSizeGreaterThanOrEqualTo(22);

        JsonObject called = callNext(agent1, "c1");
        assertThat(called.getLong("id")).isEqualTo(id(issued));
        assertThat(called.getString("status")).isEqualTo("CALLED");
        assertThat(called.getString("counterId")).isEqualTo("c1");
        assertThat(called.getString("counterName")).isEqualTo("Guichet 1");

        JsonObject recalled = ok(act(id(issued), "recall", agent1, null));
        assertThat(recalled.getInteger("recallCount")).isEqualTo(1);
        assertThat(ok(act(id(issued), "recall", agent1, null)).getInteger("recallCount")).isEqualTo(2);

        JsonObject serving = ok(act(id(issued), "start", agent1, null));
        assertThat(serving.getString("status")).isEqualTo("SERVING");
        assertThat(serving.getString("startedAt")).isNotNull();

        JsonObject done = ok(act(id(issued), "finish", agent1, new JsonObject().put("outcome", "dossier-complet")));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("outcome")).isEqualTo("dossier-complet");
        assertThat(done.getString("endedAt")).isNotNull();

        assertThat(history(id(issued))).containsExactly("ISSUE", "CALL", "RECALL", "RECALL", "START", "FINISH");
        JsonArray events = server.get("/api/v1/tickets/" + id(issued) + "/events", agent1).bodyAsJsonArray();
        assertThat(events.getJsonObject(1).getString("counterId")).isEqualTo("c1");
        assertThat(events.getJsonObject(1).getLong("agentId")).isNotNull();
    }

    @Test
    void no_show_and_requeue_and_cancel() {
        JsonObject first = server.issue(kiosk, "svc-c");
        JsonObject called = callNext(agent3, "c3");
        assertThat(called.getLong("id")).isEqualTo(id(first));
        JsonObject noShow = ok(act(id(first), "no-show", agent3, null));
        assertThat(noShow.getString("status")).isEqualTo("NO_SHOW");
        assertThat(history(id(first))).containsExactly("ISSUE", "CALL", "NO_SHOW");

        JsonObject second = server.issue(kiosk, "svc-c");
        callNext(agent3, "c3");
        JsonObject requeued = ok(act(id(second), "requeue", agent3, null));
        assertThat(requeued.getString("status")).isEqualTo("WAITING");
        assertThat(requeued.getString("counterId")).isNull();
        assertThat(requeued.getString("arrivalAt")).isEqualTo(second.getString("arrivalAt"));
        // Back in the queue at its original place: it is the next one called.
        assertThat(callNext(agent3, "c3").getLong("id")).isEqualTo(id(second));
        ok(act(id(second), "no-show", agent3, null));

        JsonObject third = server.issue(kiosk, "svc-c");
        JsonObject cancelled = ok(act(id(third), "cancel", agent1, null));
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(history(id(third))).containsExactly("ISSUE", "CANCEL");
    }

    @Test
    void transfer_to_service_keeps_number_arrival_and_note() {
        JsonObject ticket = server.issue(kiosk, "svc-b");
        JsonObject called = callNext(agent3, "c3");
        assertThat(called.getLong("id")).isEqualTo(id(ticket));
        ok(act(id(ticket), "start", agent3, null));
        JsonObject moved = ok(act(id(ticket), "transfer", agent3,
                new JsonObject().put("serviceId", "svc-c").put("note", "Dossier APA à compléter")));
        assertThat(moved.getLong("id")).isNotEqualTo(id(ticket));
        assertThat(moved.getString("status")).isEqualTo("WAITING");
        assertThat(moved.getString("serviceId")).isEqualTo("svc-c");
        assertThat(moved.getString("roomId")).isEqualTo("r1b");
        assertThat(moved.getString("number")).isEqualTo(ticket.getString("number"));
        assertThat(moved.getString("arrivalAt")).isEqualTo(ticket.getString("arrivalAt"));
        assertThat(moved.getString("note")).isEqualTo("Dossier APA à compléter");
        assertThat(moved.getLong("transferredFrom")).isEqualTo(id(ticket));

        JsonObject original = ok(server.get("/api/v1/tickets/" + id(ticket), agent3));
        assertThat(original.getString("status")).isEqualTo("TRANSFERRED");
        assertThat(history(id(ticket))).containsExactly("ISSUE", "CALL", "START", "TRANSFER");
        assertThat(history(moved.getLong("id"))).containsExactly("TRANSFER_IN");

        JsonObject next = callNext(agent3, "c3");
        assertThat(next.getLong("id")).isEqualTo(moved.getLong("id"));
        assertThat(next.getString("note")).isEqualTo("Dossier APA à compléter");
        ok(act(next.getLong("id"), "start", agent3, null));
        ok(act(next.getLong("id"), "finish", agent3, null));
    }

    @Test
    void transfer_to_counter_is_called_only_by_that_counter() {
        JsonObject ticket = server.issue(kiosk, "svc-a");
        JsonObject called = callNext(agent2, "c2");
        assertThat(called.getLong("id")).isEqualTo(id(ticket));
        JsonObject moved = ok(act(id(ticket), "transfer", agent2,
                new JsonObject().put("counterId", "c3").put("note", "Voir ma collègue")));
        assertThat(moved.getString("targetCounterId")).isEqualTo("c3");
        // c2 serves svc-a but the ticket is meant for c3 only.
        assertThat(server.post("/api/v1/counters/c2/call-next", agent2, null).statusCode()).isEqualTo(204);
        JsonObject atC3 = callNext(agent3, "c3");
        assertThat(atC3.getLong("id")).isEqualTo(moved.getLong("id"));
        ok(act(atC3.getLong("id"), "no-show", agent3, null));
    }

    @Test
    void call_specific_ticket_out_of_order() {
        JsonObject first = server.issue(kiosk, "svc-a");
        JsonObject second = server.issue(kiosk, "svc-a");
        JsonObject called = ok(act(id(second), "call", agent2, new JsonObject().put("counterId", "c2")));
        assertThat(called.getLong("id")).isEqualTo(id(second));
        assertThat(called.getString("counterId")).isEqualTo("c2");
        ok(act(id(second), "no-show", agent2, null));
        assertThat(callNext(agent2, "c2").getLong("id")).isEqualTo(id(first));
        ok(act(id(first), "no-show", agent2, null));
    }

    @Test
    void illegal_transitions_get_409_and_change_nothing() {
        JsonObject ticket = server.issue(kiosk, "svc-c");
        long ticketId = id(ticket);
        for (String action : List.of("recall", "start", "finish", "no-show", "requeue")) {
            HttpResponse<Buffer> response = act(ticketId, action, agent3, null);
            assertThat(response.statusCode()).as(action).isIn(403, 409);
        }
        assertThat(act(ticketId, "transfer", agent3, new JsonObject().put("serviceId", "svc-b")).statusCode())
                .isEqualTo(409);
        callNext(agent3, "c3");
        HttpResponse<Buffer> finishEarly = act(ticketId, "finish", agent3, null);
        assertThat(finishEarly.statusCode()).isEqualTo(409);
        assertThat(finishEarly.bodyAsJsonObject().getString("error")).isEqualTo("illegal_transition");
        assertThat(finishEarly.bodyAsJsonObject().getString("message")).contains("CALLED");
        assertThat(act(ticketId, "cancel", agent3, null).statusCode()).isEqualTo(409);
        assertThat(act(ticketId, "call", agent3, new JsonObject().put("counterId", "c3")).statusCode())
                .isEqualTo(409);
        ok(act(ticketId, "start", agent3, null));
        assertThat(act(ticketId, "start", agent3, null).statusCode()).isEqualTo(409);
        assertThat(act(ticketId, "recall", agent3, null).statusCode()).isEqualTo(409);
        assertThat(act(ticketId, "no-show", agent3, null).statusCode()).isEqualTo(409);
        assertThat(act(ticketId, "requeue", agent3, null).statusCode()).isEqualTo(409);
        ok(act(ticketId, "finish", agent3, null));
        for (String action : List.of("recall", "start", "finish", "no-show", "requeue", "cancel")) {
            assertThat(act(ticketId, action, agent3, null).statusCode()).as(action).isEqualTo(409);
        }
        assertThat(history(ticketId)).containsExactly("ISSUE", "CALL", "START", "FINISH");
    }

    @Test
    void a_counter_holds_one_ticket_at_a_time() {
        server.issue(kiosk, "svc-b");
        server.issue(kiosk, "svc-b");
        JsonObject first = callNext(agent3, "c3");
        HttpResponse<Buffer> again = server.post("/api/v1/counters/c3/call-next", agent3, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("counter_busy");
        ok(act(first.getLong("id"), "no-show", agent3, null));
        JsonObject second = callNext(agent3, "c3");
        ok(act(second.getLong("id"), "no-show", agent3, null));
    }

    @Test
    void calling_needs_an_open_counter_held_by_the_caller() {
        String other = server.agent("life.other", "agent", "s1");
        HttpResponse<Buffer> notMine = server.post("/api/v1/counters/c1/call-next", other, null);
        assertThat(notMine.statusCode()).isEqualTo(409);
        assertThat(notMine.bodyAsJsonObject().getString("error")).isEqualTo("counter_taken");
        String closer = server.agent("life.closer", "agent", "s1");
        // Counter z1 is at another site.
        assertThat(server.post("/api/v1/counters/z1/open", closer, null).statusCode()).isEqualTo(403);
    }

    @Test
    void calling_at_a_paused_counter_is_refused_though_tickets_wait() {
        // The counter's state is read in the same statement as the candidates: a waiting ticket must not hide it.
        JsonObject waiting = server.issue(kiosk, "svc-a");
        ok(server.post("/api/v1/counters/c2/pause", agent2, new JsonObject().put("reason", "pause")));
        HttpResponse<Buffer> paused = server.post("/api/v1/counters/c2/call-next", agent2, null);
        ok(server.post("/api/v1/counters/c2/resume", agent2, null));
        ok(act(id(waiting), "cancel", agent1, null));
        assertThat(paused.statusCode()).isEqualTo(409);
        assertThat(paused.bodyAsJsonObject().getString("error")).isEqualTo("counter_not_open");
        assertThat(paused.bodyAsJsonObject().getString("message")).contains("paused");
    }

    @Test
    void agent_cannot_act_on_a_ticket_held_by_another_agent() {
        JsonObject ticket = server.issue(kiosk, "svc-a");
        JsonObject called = ok(act(id(ticket), "call", agent1, new JsonObject().put("counterId", "c1")));
        assertThat(act(called.getLong("id"), "start", agent2, null).statusCode()).isEqualTo(403);
        ok(act(called.getLong("id"), "no-show", agent1, null));
    }

    @Test
    void only_the_holder_or_a_supervisor_of_its_site_acts_on_a_held_ticket_and_a_refusal_changes_nothing() {
        String supervisor = server.agent("life.supervisor", "supervisor", "s1");
        String otherSiteSupervisor = server.agent("life.supervisor.s2", "supervisor", "s2");
        JsonObject called = ok(act(id(server.issue(kiosk, "svc-a")), "call", agent1,
                new JsonObject().put("counterId", "c1")));
        long id = id(called);

        for (String action : List.of("recall", "start", "finish", "no-show")) {
            assertThat(act(id, action, agent2, null).statusCode()).as(action + " by another agent").isEqualTo(403);
            assertThat(act(id, action, otherSiteSupervisor, null).statusCode()).as(action + " from another site")
                    .isEqualTo(403);
            assertThat(act(id, action, kiosk, null).statusCode()).as(action + " by a kiosk").isEqualTo(403);
        }
        assertThat(act(999_999_999L, "start", agent1, null).statusCode()).isEqualTo(404);
        assertThat(history(id)).containsExactly("ISSUE", "CALL");

        ok(act(id, "start", supervisor, null));
        JsonObject finished = ok(act(id, "finish", agent1, new JsonObject().put("outcome", "dossier complet")));
        assertThat(finished.getString("status")).isEqualTo("DONE");
        assertThat(history(id)).containsExactly("ISSUE", "CALL", "START", "FINISH");
        List<Row> events = server.sql("SELECT kind, counter_id, agent_id, data->>'outcome' AS outcome"
                + " FROM ticket_event WHERE ticket_id = $1 AND kind IN ('START', 'FINISH') ORDER BY id", id);
        long holder = server.sql("SELECT agent_id FROM ticket WHERE id = $1", id).get(0).getLong("agent_id");
        assertThat(events).extracting(row -> row.getString("counter_id")).containsExactly("c1", "c1");
        assertThat(events.get(0).getLong("agent_id")).isNotEqualTo(holder);
        assertThat(events.get(1).getLong("agent_id")).isEqualTo(holder);
        assertThat(events.get(1).getString("outcome")).isEqualTo("dossier complet");
        assertThat(act(id, "finish", agent1, null).statusCode()).isEqualTo(409);
    }

    @Test
    void a_ticket_locked_by_a_call_still_in_flight_is_waited_for_not_refused_as_busy() {
        for (Row held : server.sql("SELECT id, status FROM ticket WHERE counter_id = 'c2'"
                                   + " AND status IN ('CALLED', 'SERVING')")) {
            ok(act(held.getLong("id"), "SERVING".equals(held.getString("status")) ? "finish" : "no-show", agent2,
                    null));
        }
        long waiting = id(server.issue(kiosk, "svc-a"));
        // Another counter's call holds every waiting ticket of the site, and its commit is slow to come (here it
        // never does: it is rolled back 300 ms later, and the tickets wait again).
        Pool other = Database.pool(server.vertx(), server.database(), 1);
        try {
            SqlConnection connection = TestServer.await(other.getConnection());
            Transaction transaction = TestServer.await(connection.begin());
            TestServer.await(connection.query("SELECT id FROM ticket WHERE site_id = 's1' AND status = 'WAITING'"
                                              + " FOR UPDATE").execute());
            server.vertx().setTimer(300, id -> transaction.rollback().onComplete(done -> connection.close()));

            HttpResponse<Buffer> called = server.post("/api/v1/counters/c2/call-next", agent2, null);

            assertThat(called.statusCode()).as(called.bodyAsString()).isEqualTo(200);
            JsonObject ticket = called.bodyAsJsonObject();
            assertThat(ticket.getString("status")).isEqualTo("CALLED");
            assertThat(server.sql("SELECT status FROM ticket WHERE id = $1", waiting).get(0).getString("status"))
                    .isIn("WAITING", "CALLED");
            ok(act(id(ticket), "no-show", agent2, null));
        } finally {
            TestServer.await(other.close());
        }
    }
}
