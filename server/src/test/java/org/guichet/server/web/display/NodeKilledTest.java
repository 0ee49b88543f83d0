package org.guichet.server.web.display;

import io.vertx.core.json.JsonObject;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.LoadBalancer;
import org.guichet.server.testing.NodeProcess;
import org.guichet.server.testing.TestDatabase;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes, each its own JVM, clustered over one PostgreSQL behind the HAProxy configuration the project
 * ships, with a waiting-room screen in real Chromium connected through it. The node holding the screen is killed with
 * SIGKILL while kiosks issue tickets: no acknowledged ticket is lost, no number is given twice, the other node keeps
 * issuing, and the screen comes back through the balancer to the other node and shows a call made there.
 */
class NodeKilledTest {

    private static final int ISSUERS = 4;
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgedAfterKill = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger failuresAfterKill = new AtomicInteger();
    private final AtomicBoolean killed = new AtomicBoolean();

    @Test
    void a_node_killed_under_load_loses_no_ticket_and_its_screen_resumes_on_the_other() throws Exception {
        DatabaseSettings database = TestDatabase.freshDatabase();
        int hazelcastA = LoopbackPorts.free();
        int hazelcastB = LoopbackPorts.free();
        List<Integer> members = List.of(hazelcastA, hazelcastB);
        String cluster = "guichet-kill-" + UUID.randomUUID();
        int portA = LoopbackPorts.free();
        int portB = LoopbackPorts.free();
        try (NodeProcess nodeA = NodeProcess.start("node-a", database, portA, hazelcastA, members, cluster);
             LoadBalancer balancer = LoadBalancer.start(List.of(portA, portB))) {
            String base = balancer.url();
            String admin = login(base, "admin", TestServer.ADMIN_PASSWORD);
            String screen = post(base, "/api/v1/admin/devices/screen-1/token", admin, null).getString("token");
            post(base, "/api/v1/admin/agents", admin, new JsonObject().put("username", "kill.agent")
                    .put("displayName", "Kill Agent").put("role", "agent").put("siteIds", new io.vertx.core.json.JsonArray().add("s1"))
                    .put("password", TestServer.INITIAL_AGENT_PASSWORD));
            // A password an administrator gives must be replaced at the first log-in.
            String agent = login(base, "kill.agent", TestServer.INITIAL_AGENT_PASSWORD);
            assertThat(send(base, "/api/v1/auth/password", agent, new JsonObject()
                    .put("currentPassword", TestServer.INITIAL_AGENT_PASSWORD)
                    .put("newPassword", TestServer.AGENT_PASSWORD)).statusCode()).isBetween(200, 204);
            post(base, "/api/v1/counters/c1/open", agent, null);

            ScreenPage.inBrowser(1280, 720, page -> {
                // Only A runs yet: the screen's socket, through the balancer, is on A.
                page.open(base + "/display/?token=" + screen);
                page.awaitRoomReady();
                try (NodeProcess nodeB = NodeProcess.start("node-b", database, portB, hazelcastB, members,
                        cluster)) {
                    awaitServedBy(base, "node2");
                    long syncsBefore = ((Number) page.script("return window.guichetDisplay.syncs")).longValue();
                    ExecutorService issuers = Executors.newFixedThreadPool(ISSUERS);
                    AtomicBoolean stop = new AtomicBoolean();
                    CountDownLatch warmedUp = new CountDownLatch(20);
                    for (int i = 0; i < ISSUERS; i++) {
                        issuers.submit(() -> issueUntil(stop, base, agent, warmedUp));
                    }
                    await(warmedUp);

                    nodeA.kill();
                    long killedAt = System.nanoTime();
                    killed.set(true);

                    page.await(RESUME_WITHIN, d -> Boolean.TRUE.equals(page.script(
                            "return window.guichetDisplay.connection === 'open' && window.guichetDisplay.syncs > "
                            + syncsBefore)));
                    String called = post(base, "/api/v1/counters/c1/call-next", agent, null).getString("number");
                    page.await(RESUME_WITHIN, d -> called.equals(page.text("current-number")));
                    Duration resumed = Duration.ofNanos(System.nanoTime() - killedAt);

                    awaitAtLeast(acknowledgedAfterKill, 20);
                    stop.set(true);
                    issuers.shutdown();
                    assertThat(issuers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                    System.out.printf("node killed: %d tickets acknowledged (%d after the kill), %d failed requests "
                                      + "(%d after the kill); the screen showed a call made on the other node %d ms "
                                      + "after the kill%n", acknowledged.size(), acknowledgedAfterKill.get(),
                            failures.get(), failuresAfterKill.get(), resumed.toMillis());
                    assertThat(resumed).isLessThanOrEqualTo(RESUME_WITHIN);
                    // Only requests in flight on the killed node may fail; the balancer sends the rest to B.
                    assertThat(failuresAfterKill.get()).isLessThanOrEqualTo(ISSUERS);
                    assertThat(post(base, "/api/v1/tickets", agent, new JsonObject().put("serviceId", "svc-b"))
                            .getString("number")).startsWith("B");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
        assertEveryAcknowledgedTicketStoredOnce(database);
    }

    /** One issuer (a kiosk's or an agent's tablet's requests), as fast as answers come, until told to stop. */
    private void issueUntil(AtomicBoolean stop, String base, String agent, CountDownLatch warmedUp) {
        while (!stop.get()) {
            boolean afterKill = killed.get();
            try {
                HttpResponse<String> response = send(base, "/api/v1/tickets", agent,
                        new JsonObject().put("serviceId", "svc-a"));
                if (response.statusCode() == 201) {
                    JsonObject ticket = new JsonObject(response.body());
                    acknowledged.put(ticket.getLong("id"), ticket.getString("number"));
                    warmedUp.countDown();
                    if (afterKill) {
                        acknowledgedAfterKill.incrementAndGet();
                    }
                    continue;
                }
            } catch (IllegalStateException e) {
                // the connection was cut: counted below
            }
            failures.incrementAndGet();
            if (afterKill) {
                failuresAfterKill.incrementAndGet();
            }
        }
    }

    private void assertEveryAcknowledgedTicketStoredOnce(DatabaseSettings database) throws SQLException {
        Set<Long> stored = new HashSet<>();
        Map<String, Integer> numbers = new ConcurrentHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + database.host() + ":"
                + database.port() + "/" + database.database(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, site_id, service_id, service_day, seq FROM ticket")) {
            while (rows.next()) {
                stored.add(rows.getLong("id"));
                numbers.merge(rows.getString("site_id") + "/" + rows.getString("service_id") + "/"
                              + rows.getDate("service_day") + "/" + rows.getInt("seq"), 1, Integer::sum);
            }
        }
        assertThat(stored).as("every acknowledged ticket is stored").containsAll(acknowledged.keySet());
        assertThat(numbers.values()).as("no number given twice").allMatch(count -> count == 1);
        assertThat(new HashSet<>(acknowledged.values())).as("no number acknowledged twice")
                .hasSize(acknowledged.size());
    }

    /** Waits until the balancer has a request answered by the given node (its readiness checks passed). */
    private void awaitServedBy(String base, String node) {
        org.guichet.server.testing.Eventually.await("the balancer sending requests to " + node,
                Duration.ofSeconds(30), () -> {
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        return response.statusCode() + " " + response.headers().firstValue("X-Guichet-Node")
                                .orElse("");
                    } catch (IOException e) {
                        return e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "";
                    }
                }, seen -> seen.equals("200 " + node));
    }

    private static void awaitAtLeast(AtomicInteger counter, int value) {
        org.guichet.server.testing.Eventually.await("at least " + value, Duration.ofSeconds(30), counter::get,
                count -> count >= value);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("tickets issued before the kill").isTrue();
    }

    private String login(String base, String username, String password) {
        return post(base, "/api/v1/auth/login", null, new JsonObject().put("username", username)
                .put("password", password)).getString("token");
    }

    private JsonObject post(String base, String path, String token, JsonObject body) {
        HttpResponse<String> response = send(base, path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body());
    }

    private HttpResponse<String> send(String base, String path, String token, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
