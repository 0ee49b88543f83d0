package org.guichet.server.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.LogCapture;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under a running server, then started again on the same port and data: meanwhile every API call
 * answers 503 with a plain error and the node is not ready (but alive); afterwards it serves again without a restart,
 * and every ticket acknowledged before the outage is there. This class runs its own PostgreSQL, so that stopping it
 * touches no other test.
 */
class DatabaseOutageTest {

    @TempDir
    static Path data;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        port = LoopbackPorts.free();
        postgres = startPostgres();
        vertx = Vertx.vertx();
        server = TestServer.start(vertx, TestServer.options(
                new DatabaseSettings("localhost", port, "postgres", "postgres", "postgres"), 0));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (vertx != null) {
            TestServer.await(vertx.close());
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
    }

    @Test
    void while_postgresql_is_away_every_call_answers_503_and_the_server_comes_back_by_itself() throws IOException {
        String kiosk = server.tokenOf("kiosk-1");
        List<JsonObject> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(server.issue(kiosk, "svc-a"));
        }
        assertThat(TestServer.ok(server.get("/health/ready", null))).isEqualTo(new JsonObject().put("status", "UP"));

        LogCapture log = LogCapture.start();
        postgres.close();
        postgres = null;

        HttpResponse<Buffer> issuing = issue(kiosk);
        assertUnavailable(issuing);
        assertUnavailable(server.get("/api/v1/tickets/" + acknowledged.get(0).getString("id"), server.adminToken()));
        HttpResponse<Buffer> ready = server.get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "DOWN"));
        assertThat(server.get("/health", null).statusCode()).as("/health is ready's alias").isEqualTo(503);
        HttpResponse<Buffer> live = server.get("/health/live", null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));

        postgres = startPostgres();

        HttpResponse<Buffer> issuedAgain = Eventually.await("issuing to work again once PostgreSQL is back",
                Duration.ofSeconds(30), () -> issue(kiosk), response -> response.statusCode() == 201);
        acknowledged.add(issuedAgain.bodyAsJsonObject());
        log.close();
        List<ILoggingEvent> events = log.events();
        assertThat(events).as("no error and no stack trace per request")
                .noneMatch(event -> event.getLevel() == Level.ERROR || event.getThrowableProxy() != null
                                    && event.getLoggerName().endsWith("FailureHandler"));
        assertThat(events).filteredOn(event -> event.getLoggerName().endsWith("DatabaseOutage"))
                .extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(TestServer.ok(server.get("/health/ready", null))).isEqualTo(new JsonObject().put("status", "UP"));
        for (JsonObject ticket : acknowledged) {
            JsonObject stored = TestServer.ok(server.get("/api/v1/tickets/" + ticket.getString("id"),
                    server.adminToken()));
            assertThat(stored.getString("number")).isEqualTo(ticket.getString("number"));
        }
    }

    private static HttpResponse<Buffer> issue(String kiosk) {
        return server.post("/api/v1/tickets", kiosk, new JsonObject().put("serviceId", "svc-a"));
    }

    private static void assertUnavailable(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(503);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo("database_unavailable");
        assertThat(body.getString("message")).isNotBlank().doesNotContain("Exception").doesNotContain("localhost");
        assertThat(response.getHeader("Retry-After")).isNotBlank();
    }
}
