package org.guichet.server.service;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.testing.MutableClock;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Log-in throttling per account and per client address, behind a proxy the server trusts (127.0.0.1 here). */
class LoginThrottleTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
    /** Shorter than the default second, so that the many refusals below do not make the test long. */
    private static final Duration REFUSAL_DELAY = Duration.ofMillis(100);

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withOptions(options -> options.withClock(clock)
            .withSessionLifetime(Duration.ofDays(400))
            .withHttp(HttpSettings.defaults().withRefusedLoginDelay(REFUSAL_DELAY))
            .withTrustedProxies(List.of("127.0.0.1")));

    private static HttpResponse<Buffer> login(String username, String password, String from) {
        return server.send(HttpMethod.POST, "/api/v1/auth/login", null,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", from),
                Buffer.buffer(new JsonObject().put("username", username).put("password", password).encode()));
    }

    @Test
    void wrong_passwords_bring_growing_delays_then_a_lock_that_refuses_even_the_right_password() {
        server.agent("throttle.one", "agent", "s1");
        int address = 1;
        for (int i = 1; i <= 4; i++) {
            assertThat(login("throttle.one", "wrong-password-" + i, "192.0.2." + address++).statusCode())
                    .isEqualTo(401);
        }
        // From the 5th failure on, each one makes the next wait: 1 s, 2 s, 4 s, 8 s, 16 s.
        for (long wait : new long[] {1, 2, 4, 8, 16}) {
            assertThat(login("throttle.one", "still-wrong-pass", "192.0.2." + address++).statusCode()).isEqualTo(401);
            HttpResponse<Buffer> refused = login("throttle.one", TestServer.AGENT_PASSWORD, "192.0.2." + address++);
            assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(429);
            assertThat(refused.getHeader("Retry-After")).isEqualTo(String.valueOf(wait));
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("login_throttled");
            assertThat(refused.bodyAsJsonObject().getString("message")).contains("try again in " + wait + " s");
            clock.advance(Duration.ofSeconds(wait));
        }
        // The 10th failure locks the account for a quarter of an hour, whatever address comes next.
        assertThat(login("throttle.one", "still-wrong-pass", "192.0.2." + address++).statusCode()).isEqualTo(401);
        for (int i = 0; i < 40; i++) {
            HttpResponse<Buffer> refused = login("throttle.one", "another-wrong-" + i, "198.51.100." + (i + 1));
            assertThat(refused.statusCode()).isEqualTo(429);
        }
        HttpResponse<Buffer> right = login("throttle.one", TestServer.AGENT_PASSWORD, "203.0.113.9");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.getHeader("Retry-After")).isEqualTo("900");

        clock.advance(Duration.ofMinutes(15));
        assertThat(login("throttle.one", TestServer.AGENT_PASSWORD, "203.0.113.9").statusCode()).isEqualTo(200);
        // A successful log-in forgets the account's failures: the next mistake is free again.
        assertThat(login("throttle.one", "wrong-password-x", "203.0.113.9").statusCode()).isEqualTo(401);
        assertThat(login("throttle.one", TestServer.AGENT_PASSWORD, "203.0.113.9").statusCode()).isEqualTo(200);
    }

    @Test
    void a_refused_log_in_is_answered_only_after_the_refusal_delay() {
        server.agent("throttle.slow", "agent", "s1");
        for (int i = 0; i < 10; i++) {
            login("throttle.slow", "wrong-password-" + i, "192.0.2.150");
            clock.advance(Duration.ofSeconds(17));
        }
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            HttpResponse<Buffer> refused = login("throttle.slow", "wrong-password-z", "192.0.2.151");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(refused.statusCode()).isEqualTo(429);
            // A lower bound only: the answer waits for a timer of that length, which never fires early.
            assertThat(tookMillis).as("a flood that waits for its answers is slowed").isGreaterThanOrEqualTo(
                    REFUSAL_DELAY.toMillis());
        }
    }

    @Test
    void a_locked_account_is_refused_before_its_password_is_hashed() {
        server.agent("throttle.two", "agent", "s1");
        for (int i = 0; i < 10; i++) {
            login("throttle.two", "wrong-password-" + i, "192.0.2.200");
            clock.advance(Duration.ofSeconds(17));
        }
        assertThat(login("throttle.two", "wrong-password-z", "192.0.2.201").statusCode()).isEqualTo(429);
        long hashedBefore = server.services().accounts().hashing().started();

        for (int i = 0; i < 30; i++) {
            assertThat(login("throttle.two", i % 2 == 0 ? TestServer.AGENT_PASSWORD : "wrong-password-y",
                    "192.0.2." + (100 + i)).statusCode()).isEqualTo(429);
        }

        assertThat(server.services().accounts().hashing().started()).isEqualTo(hashedBefore);
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void one_address_trying_many_accounts_is_throttled_while_other_addresses_are_not() {
        server.agent("throttle.three", "agent", "s1");
        for (int i = 0; i < 30; i++) {
            assertThat(login("nobody-" + i, "wrong-password-" + i, "192.0.2.77").statusCode()).isEqualTo(401);
        }
        assertThat(login("nobody-30", "wrong-password", "192.0.2.77").statusCode()).isEqualTo(401);
        HttpResponse<Buffer> refused = login("throttle.three", TestServer.AGENT_PASSWORD, "192.0.2.77");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

        assertThat(login("throttle.three", TestServer.AGENT_PASSWORD, "192.0.2.78").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void a_lock_holds_on_another_node_over_the_same_database() {
        server.agent("throttle.four", "agent", "s1");
        for (int i = 0; i < 10; i++) {
            login("throttle.four", "wrong-password-" + i, "192.0.2.150");
            clock.advance(Duration.ofSeconds(17));
        }
        Vertx otherVertx = Vertx.vertx();
        try (TestServer other = TestServer.start(otherVertx, TestServer.options(server.database(), 0)
                .withClock(clock))) {
            HttpResponse<Buffer> refused = other.post("/api/v1/auth/login", null,
                    new JsonObject().put("username", "throttle.four").put("password", TestServer.AGENT_PASSWORD));
            assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(429);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("login_throttled");
        } finally {
            TestServer.await(otherVertx.close());
        }
        clock.advance(Duration.ofMinutes(16));
    }
}
