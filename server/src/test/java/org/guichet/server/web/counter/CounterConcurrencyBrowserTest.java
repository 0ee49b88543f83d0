package org.guichet.server.web.counter;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.server.web.counter.CounterFixture.newAgent;
import static org.guichet.server.web.counter.CounterFixture.status;

/** Tablets under pressure: two counters calling at the same instant, and fingers that tap twice. */
class CounterConcurrencyBrowserTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @AfterEach
    void newDay() {
        CounterFixture.resetSite(server);
    }

    private static long calledAt(String counterId) {
        return server.sql("SELECT count(*) FROM ticket WHERE counter_id = $1 AND status = 'CALLED'", counterId)
                .get(0).getLong(0);
    }

    @Test
    void two_tablets_calling_at_the_same_moment_never_get_the_same_ticket() throws Exception {
        String agent1 = newAgent(server, "race1");
        String agent2 = newAgent(server, "race2");
        ExecutorService fingers = Executors.newFixedThreadPool(2);
        try (Tablet c1 = Tablet.open(server); Tablet c2 = Tablet.open(server)) {
            c1.startAt(agent1, "c1");
            c2.startAt(agent2, "c2");
            int rounds = 6;
            for (int round = 0; round < rounds; round++) {
                boolean lastRound = round == rounds - 1;
                // Both counters serve svc-a; in the last round only one visitor waits for the two of them.
                JsonObject first = server.issue(server.tokenOf("kiosk-1"), "svc-a");
                JsonObject second = lastRound ? null : server.issue(server.tokenOf("kiosk-1"), "svc-a");
                String lastNumber = (lastRound ? first : second).getString("number");
                c1.waitForWaiting(lastNumber);
                c2.waitForWaiting(lastNumber);

                CyclicBarrier together = new CyclicBarrier(2);
                String tapNow = "document.getElementById('call-next').click();";
                CompletableFuture<?> tap1 = CompletableFuture.runAsync(() -> {
                    await(together);
                    c1.script(tapNow);
                }, fingers);
                CompletableFuture<?> tap2 = CompletableFuture.runAsync(() -> {
                    await(together);
                    c2.script(tapNow);
                }, fingers);
                CompletableFuture.allOf(tap1, tap2).get(30, TimeUnit.SECONDS);
                c1.waitIdle();
                c2.waitIdle();

                if (!lastRound) {
                    c1.waitForMode("called");
                    c2.waitForMode("called");
                    assertThat(c1.currentNumber()).isNotEqualTo(c2.currentNumber());
                    assertThat(List.of(c1.currentNumber(), c2.currentNumber()))
                            .containsExactlyInAnyOrder(first.getString("number"), second.getString("number"));
                } else {
                    Tablet winner = c1.waitFor("one counter with the visitor",
                            () -> "called".equals(c1.mode()) ? c1 : "called".equals(c2.mode()) ? c2 : null);
                    Tablet other = winner == c1 ? c2 : c1;
                    assertThat(winner.currentNumber()).isEqualTo(first.getString("number"));
                    other.waitForBanner("nobody_waiting");
                    assertThat(other.mode()).isEqualTo("idle");
                }
                assertThat(calledAt("c1") + calledAt("c2")).isEqualTo(lastRound ? 1 : 2);
                List<Row> distinct = server.sql("""
                        SELECT ticket_id, count(*) FROM ticket_event WHERE kind = 'CALL' AND ticket_id = ANY($1)
                        GROUP BY ticket_id""", (Object) (lastRound ? new Long[]{first.getLong("id")}
                        : new Long[]{first.getLong("id"), second.getLong("id")}));
                distinct.forEach(row -> assertThat(row.getLong(1)).as("calls of ticket " + row.getLong(0))
                        .isEqualTo(1));
                assertThat(distinct).hasSize(lastRound ? 1 : 2);

                for (Tablet tablet : List.of(c1, c2)) {
                    if ("called".equals(tablet.mode())) {
                        tablet.tap("btn-no-show");
                        tablet.waitForMode("idle");
                    }
                }
            }
        } finally {
            fingers.shutdownNow();
        }
    }

    @Test
    void a_double_tap_calls_one_ticket_only() {
        String agent = newAgent(server, "double");
        JsonObject first = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        JsonObject second = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        JsonObject third = server.issue(server.tokenOf("kiosk-1"), "svc-a");
        try (Tablet tablet = Tablet.open(server)) {
            tablet.startAt(agent, "c1");
            tablet.waitForWaiting(third.getString("number"));
            // Count what leaves the browser, then tap twice in a row as a hurried finger would.
            tablet.script("""
                    window.__callNextRequests = 0;
                    const realFetch = window.fetch;
                    window.fetch = (url, options) => {
                        if (String(url).endsWith('/call-next')) { window.__callNextRequests++; }
                        return realFetch(url, options);
                    };
                    const button = document.getElementById('call-next');
                    button.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                    button.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                    """);
            tablet.waitIdle();
            tablet.waitForMode("called");
            assertThat(tablet.script("return window.__callNextRequests")).isEqualTo(1L);
            assertThat(tablet.currentNumber()).isEqualTo(first.getString("number"));
            assertThat(tablet.bannerCode()).isEqualTo("called");
            assertThat(status(server, first.getLong("id"))).isEqualTo("CALLED");
            assertThat(status(server, second.getLong("id"))).isEqualTo("WAITING");
            assertThat(tablet.waitingNumbers()).containsExactly(second.getString("number"), third.getString("number"));

            tablet.tap("btn-no-show");
            tablet.waitForMode("idle");

            // Should two requests ever leave anyway, the server's one-ticket-per-counter rule stops the second.
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> answers = (List<Map<String, Object>>) tablet.asyncScript("""
                    const done = arguments[0];
                    const token = sessionStorage.getItem('guichet.counter.token');
                    const call = () => fetch('/api/v1/counters/c1/call-next', {method: 'POST',
                        headers: {'Authorization': 'Bearer ' + token}})
                        .then(async response => ({status: response.status, body: await response.json()}));
                    Promise.all([call(), call()]).then(done);
                    """);
            assertThat(answers).extracting(answer -> answer.get("status")).containsExactlyInAnyOrder(200L, 409L);
            Map<String, Object> refused = answers.stream().filter(answer -> answer.get("status").equals(409L))
                    .findFirst().orElseThrow();
            assertThat(((Map<?, ?>) refused.get("body")).get("error")).isEqualTo("counter_busy");
            assertThat(calledAt("c1")).isEqualTo(1);
            assertThat(List.of(status(server, second.getLong("id")), status(server, third.getLong("id"))))
                    .containsExactlyInAnyOrder("CALLED", "WAITING");
            // The tablet catches up with what the server holds.
            tablet.waitForMode("called");
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
