package org.guichet.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server process (Main) with its embedded PostgreSQL under a data directory, stopped cleanly or killed with -9,
 * then started again on the same data: every ticket is there and numbering goes on.
 */
@ExtendWith(VertxExtension.class)
class RestartTest {

    private Path dataDir;
    private Process process;
    private WebClient client;
    private int port;

    @BeforeEach
    void setUp(Vertx vertx) throws IOException {
        dataDir = Files.createTempDirectory("guichet-restart-");
        Path config = dataDir.resolve("guichet.yaml");
        String deployment = new String(getClass().getResourceAsStream("/test-deployment.yaml").readAllBytes());
        Files.writeString(config, "deployment:\n" + deployment.lines().filter(line -> !line.startsWith("#"))
                .map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n"));
        port = LoopbackPorts.free();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        client.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void startServer() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.guichet.server.Main", "--config", dataDir.resolve("guichet.yaml").toString());
        builder.environment().put("GUICHET_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("GUICHET_HTTP_PORT", String.valueOf(port));
        builder.environment().put("GUICHET_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile());
        process = builder.start();
        Eventually.await("the server to answer /health (logs in " + dataDir + ")", Duration.ofSeconds(120), () -> {
            assertThat(process.isAlive()).as("server process exited; see logs in " + dataDir).isTrue();
            try {
                return call(HttpMethod.GET, "/health", null, null).statusCode() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
    }

    private HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
        var request = client.request(method, port, "localhost", path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return TestServer.await(body == null ? request.send() : request.sendJson(body));
    }

    private String adminToken() {
        return call(HttpMethod.POST, "/api/v1/auth/login", null,
                new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD))
                .bodyAsJsonObject().getString("token");
    }

    private List<JsonObject> issueTickets(int count) {
        String kiosk = call(HttpMethod.POST, "/api/v1/admin/devices/kiosk-1/token", adminToken(), null)
                .bodyAsJsonObject().getString("token");
        List<JsonObject> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<Buffer> response = call(HttpMethod.POST, "/api/v1/tickets", kiosk,
                    new JsonObject().put("serviceId", "svc-a"));
            assertThat(response.statusCode()).isEqualTo(201);
            tickets.add(response.bodyAsJsonObject());
        }
        return tickets;
    }

    private void assertAllThereAndNumberingGoesOn(List<JsonObject> before) {
        String admin = adminToken();
        for (JsonObject ticket : before) {
            HttpResponse<Buffer> found = call(HttpMethod.GET, "/api/v1/tickets/" + ticket.getLong("id"), admin, null);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.bodyAsJsonObject().getString("number")).isEqualTo(ticket.getString("number"));
            assertThat(found.bodyAsJsonObject().getString("status")).isEqualTo("WAITING");
        }
        List<JsonObject> after = issueTickets(1);
        assertThat(after.get(0).getString("number")).isEqualTo(String.format("A%03d", before.size() + 1));
    }

    @Test
    void a_cleanly_stopped_server_finds_every_ticket_again() throws Exception {
        startServer();
        List<JsonObject> tickets = issueTickets(5);
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dataDir.resolve("data/postgres/postmaster.pid")))
                .as("a clean stop stops the embedded database").isFalse();
        startServer();
        assertAllThereAndNumberingGoesOn(tickets);
    }

    @Test
    void a_killed_server_restarts_cleanly_with_every_ticket() throws Exception {
        startServer();
        List<JsonObject> tickets = issueTickets(7);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // kill -9 leaves the embedded postmaster running on the data directory; the next start must cope.
        startServer();
        assertAllThereAndNumberingGoesOn(tickets);
    }
}
