package org.guichet.server.queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.domain.Ticket;
import org.guichet.server.service.IssueRequest;
import org.guichet.server.service.Issued;
import org.guichet.server.service.TicketIssuer;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.testing.TestServer.ok;

/** Numbering per site, prefix and service day (in the site's zone), idempotent issue, and where the visitor stands. */
class NumberingAndIssueTest {

    // 21:30 UTC on 2 March 2026: 22:30 in Paris (still the 2nd), 08:30 on the 3rd in Nouméa.
    private static final Instant START = Instant.parse("2026-03-02T21:30:00Z");

    private static final MutableClock clock = new MutableClock(START);

    /** The clock moves over weeks: sessions must outlive it. */
    @RegisterExtension
    static final TestServer server = TestServer.perClass()
            .withOptions(options -> options.withClock(clock).withSessionLifetime(Duration.ofDays(400)));
    private static String kiosk1;
    private static String kiosk2;

    @BeforeAll
    static void setUp() {
        kiosk1 = server.deviceToken("kiosk-1");
        kiosk2 = server.deviceToken("kiosk-2");
    }

    @Test
    void numbers_restart_each_service_day_in_the_site_zone() {
        clock.set(START);
        JsonObject first = server.issue(kiosk1, "svc-b");
        JsonObject second = server.issue(kiosk1, "svc-b");
        assertThat(first.getString("number")).isEqualTo("B001");
        assertThat(second.getString("number")).isEqualTo("B002");
        assertThat(first.getString("serviceDay")).isEqualTo("2026-03-02");

        JsonObject noumea = server.issue(kiosk2, "svc-z");
        assertThat(noumea.getString("number")).isEqualTo("Z001");
        assertThat(noumea.getString("serviceDay")).isEqualTo("2026-03-03");

        // 23:10 UTC is 00:10 in Paris: a new service day, numbering restarts with no job to run.
        clock.advance(Duration.ofMinutes(100));
        JsonObject nextDay = server.issue(kiosk1, "svc-b");
        assertThat(nextDay.getString("number")).isEqualTo("B001");
        assertThat(nextDay.getString("serviceDay")).isEqualTo("2026-03-03");
        // Nouméa is still on its 3rd of March: its numbering goes on.
        assertThat(server.issue(kiosk2, "svc-z").getString("number")).isEqualTo("Z002");
        // Each prefix has its own sequence.
        assertThat(server.issue(kiosk1, "svc-c").getString("number")).isEqualTo("C001");
    }

    @Test
    void a_retried_idempotency_key_returns_the_same_ticket_and_takes_no_number() {
        clock.set(START.plus(Duration.ofDays(10)));
        JsonObject body = new JsonObject().put("serviceId", "svc-a").put("idempotencyKey", "kiosk-1-tap-0001");
        HttpResponse<Buffer> first = server.post("/api/v1/tickets", kiosk1, body);
        HttpResponse<Buffer> retry = server.post("/api/v1/tickets", kiosk1, body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.bodyAsJsonObject().getLong("id")).isEqualTo(first.bodyAsJsonObject().getLong("id"));
        assertThat(retry.bodyAsJsonObject().getString("number")).isEqualTo(first.bodyAsJsonObject().getString("number"));
        JsonObject next = server.issue(kiosk1, "svc-a");
        assertThat(next.getString("number")).isEqualTo("A002");

        // The same key through the header works too.
        HttpResponse<Buffer> viaHeader = issueWithHeaderKey("kiosk-1-tap-0001");
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(viaHeader.bodyAsJsonObject().getLong("id")).isEqualTo(first.bodyAsJsonObject().getLong("id"));
    }

    @Test
    void an_idempotency_key_header_too_long_is_refused_not_cut() {
        clock.set(START.plus(Duration.ofDays(15)));
        String shared = "k".repeat(100);
        HttpResponse<Buffer> first = issueWithHeaderKey(shared + "-first-visitor");
        HttpResponse<Buffer> second = issueWithHeaderKey(shared + "-second-visitor");
        for (HttpResponse<Buffer> refused : List.of(first, second)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
            assertThat(refused.bodyAsJsonObject().getString("message")).contains("Idempotency-Key");
        }
        // One hundred characters are still a key.
        HttpResponse<Buffer> longest = issueWithHeaderKey(shared);
        assertThat(longest.statusCode()).isEqualTo(201);
        assertThat(issueWithHeaderKey(shared).bodyAsJsonObject().getLong("id"))
                .isEqualTo(longest.bodyAsJsonObject().getLong("id"));
    }

    @Test
    void concurrent_retries_of_one_key_make_one_ticket() {
        clock.set(START.plus(Duration.ofDays(20)));
        JsonObject body = new JsonObject().put("serviceId", "svc-a").put("idempotencyKey", "burst-key");
        var responses = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> server.request(io.vertx.core.http.HttpMethod.POST, "/api/v1/tickets", kiosk1, body))
                .toList();
        var ids = responses.stream().map(TestServer::await)
                .peek(response -> assertThat(response.statusCode()).isIn(200, 201))
                .map(response -> response.bodyAsJsonObject().getLong("id")).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(server.issue(kiosk1, "svc-a").getString("number")).isEqualTo("A002");
    }

    @Test
    void the_visitor_is_told_people_ahead_and_an_estimated_wait() {
        clock.set(START.plus(Duration.ofDays(30)));
        JsonObject first = server.issue(kiosk1, "svc-c");
        assertThat(first.getInteger("peopleAhead")).isZero();
        assertThat(first.getValue("estimatedWaitMinutes")).as("no counter serving svc-c is open").isNull();
        String agent = server.agentAtCounter("estimate.agent", "s1", "c3");
        server.issue(kiosk1, "svc-c");
        JsonObject third = server.issue(kiosk1, "svc-c");
        assertThat(third.getInteger("peopleAhead")).isEqualTo(2);
        // No recent calls, one counter open for svc-c: 8 minutes per person ahead.
        assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(16);
        ok(server.post("/api/v1/counters/c3/close", agent, null));
        assertThat(third.getString("statusPath")).isEqualTo("/ticket/" + third.getString("statusToken"));

        JsonObject status = server.get("/api/v1/public/tickets/" + third.getString("statusToken"), null)
                .bodyAsJsonObject();
        assertThat(status.getString("number")).isEqualTo(third.getString("number"));
        assertThat(status.getInteger("peopleAhead")).isEqualTo(2);
        assertThat(status.getString("status")).isEqualTo("WAITING");
        assertThat(status.containsKey("id")).isFalse();
        assertThat(server.get("/api/v1/public/tickets/unknownunknownunknown", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_ticket_never_arrives_before_one_numbered_before_it() {
        // Before the other tests' days: its calls must not count as recent calls in their wait estimates.
        Instant at = START.plus(Duration.ofDays(5));
        clock.set(at);
        TicketIssuer issuer = server.services().issuer();
        Principal kiosk = Principal.device("kiosk-1", "kiosk", "s1", null, null);
        IssueRequest request = new IssueRequest(null, "svc-c", PriorityClass.NORMAL, "fr", null);
        // Requests that read the clock on different event loops, or on nodes whose clocks differ, and are numbered
        // the other way round: each read it before the one numbered just before it.
        List<Future<Issued>> batched = new ArrayList<>();
        Promise<Void> submitted = Promise.promise();
        server.vertx().runOnContext(v -> {
            batched.add(issuer.issue(kiosk, request));
            clock.set(at.plusMillis(5));
            batched.add(issuer.issue(kiosk, request));
            clock.set(at.plusMillis(2));
            batched.add(issuer.issue(kiosk, request));
            submitted.complete();
        });
        TestServer.await(submitted.future());
        List<Ticket> tickets = new ArrayList<>(batched.stream().map(TestServer::await).map(Issued::ticket).toList());
        clock.set(at.minusMillis(3));
        JsonObject last = server.issue(kiosk1, "svc-c");

        assertThat(tickets).extracting(Ticket::number).containsExactly("C001", "C002", "C003");
        assertThat(last.getString("number")).isEqualTo("C004");
        assertThat(tickets).extracting(Ticket::arrivalAt)
                .containsExactly(at, at.plusMillis(5), at.plusMillis(5));
        assertThat(Instant.parse(last.getString("arrivalAt"))).isEqualTo(at.plusMillis(5));
        assertThat(last.getInteger("peopleAhead")).isEqualTo(3);
        assertThat(server.get("/api/v1/public/tickets/" + last.getString("statusToken"), null).bodyAsJsonObject()
                .getInteger("peopleAhead")).isEqualTo(3);

        String agent = server.agentAtCounter("order.agent", "s1", "c3");
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonObject ticket = ok(server.post("/api/v1/counters/c3/call-next", agent, null));
            called.add(ticket.getString("number"));
            ok(server.post("/api/v1/tickets/" + ticket.getLong("id") + "/no-show", agent, null));
        }
        assertThat(called).containsExactly("C001", "C002", "C003", "C004");
        ok(server.post("/api/v1/counters/c3/close", agent, null));
    }

    @Test
    void the_visitors_language_picks_the_service_name() {
        clock.set(START.plus(Duration.ofDays(40)));
        HttpResponse<Buffer> response = server.post("/api/v1/tickets", kiosk1,
                new JsonObject().put("serviceId", "svc-a").put("language", "en").put("priority", "PRIORITY"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("serviceName")).isEqualTo("Service A (en)");
        assertThat(response.bodyAsJsonObject().getString("priority")).isEqualTo("PRIORITY");
        assertThat(response.bodyAsJsonObject().getString("language")).isEqualTo("en");
    }

    @Test
    void menus_and_orientation_entries_do_not_issue_tickets() {
        HttpResponse<Buffer> menu = server.post("/api/v1/tickets", kiosk1, new JsonObject().put("serviceId", "m1"));
        assertThat(menu.statusCode()).isEqualTo(409);
        assertThat(menu.bodyAsJsonObject().getString("error")).isEqualTo("not_a_service");
        assertThat(server.post("/api/v1/tickets", kiosk1, new JsonObject().put("serviceId", "o1")).statusCode())
                .isEqualTo(409);
    }

    private static HttpResponse<Buffer> issueWithHeaderKey(String key) {
        WebClient client = WebClient.create(server.vertx());
        try {
            return TestServer.await(client.post(server.port(), "localhost", "/api/v1/tickets")
                    .bearerTokenAuthentication(kiosk1)
                    .putHeader("Idempotency-Key", key)
                    .sendJson(new JsonObject().put("serviceId", "svc-a")));
        } finally {
            client.close();
        }
    }
}
