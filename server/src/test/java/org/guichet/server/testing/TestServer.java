package org.guichet.server.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.assertj.core.api.Assertions;
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;
import org.guichet.server.config.Yaml;
import org.guichet.server.store.DatabaseSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server for tests: a fresh database in the shared embedded PostgreSQL, the test deployment
 * (test-deployment.yaml: sites s1 and s2), an admin whose password is {@link #ADMIN_PASSWORD}, and blocking helpers
 * that speak HTTP to it.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String AGENT_PASSWORD = "agent-password-for-tests";

    private final Vertx vertx;
    private final GuichetServer server;
    private final WebClient client;
    private final DatabaseSettings database;
    private final String adminToken;

    private TestServer(Vertx vertx, GuichetServer server, DatabaseSettings database) {
        this.vertx = vertx;
        this.server = server;
        this.database = database;
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(server.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
        this.adminToken = login("admin", ADMIN_PASSWORD);
    }

    public static TestServer start(Vertx vertx) {
        return start(vertx, Clock.systemUTC());
    }

    public static TestServer start(Vertx vertx, Clock clock) {
        return start(vertx, options(TestDatabase.freshDatabase(), 0).withClock(clock));
    }

    public static TestServer start(Vertx vertx, ServerOptions options) {
        GuichetServer server = await(GuichetServer.start(vertx, options));
        return new TestServer(vertx, server, options.database());
    }

    /** Options for a server on the given database with the test deployment; port 0 picks a free port. */
    public static ServerOptions options(DatabaseSettings database, int port) {
        return new ServerOptions(port, database, Path.of("target/unused-data"), deployment(), false, false,
                ADMIN_PASSWORD, Clock.systemUTC(), Duration.ofHours(12), 16, false);
    }

    public static JsonObject deployment() {
        return Yaml.resource("test-deployment.yaml");
    }

    /** The body of a response that must be 200 OK; otherwise the test fails showing what came back. */
    public static JsonObject ok(HttpResponse<Buffer> response) {
        Assertions.assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public GuichetServer server() {
        return server;
    }

    public DatabaseSettings database() {
        return database;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String adminToken() {
        return adminToken;
    }

    public Vertx vertx() {
        return vertx;
    }

    public String login(String username, String password) {
        HttpResponse<Buffer> response = post("/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.bodyAsString());
        }
        return response.bodyAsJsonObject().getString("token");
    }

    /** Creates an agent (role agent, supervisor or admin) for the given sites and returns a logged-in token. */
    public String agent(String username, String role, String... sites) {
        HttpResponse<Buffer> created = post("/api/v1/admin/agents", adminToken, new JsonObject()
                .put("username", username).put("displayName", username).put("password", AGENT_PASSWORD)
                .put("role", role).put("siteIds", new JsonArray(List.of(sites))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + created.bodyAsString());
        }
        return login(username, AGENT_PASSWORD);
    }

    /** A fresh token for a device of the test deployment. */
    public String deviceToken(String deviceId) {
        HttpResponse<Buffer> response = post("/api/v1/admin/devices/" + deviceId + "/token", adminToken, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + deviceId + ": " + response.bodyAsString());
        }
        return response.bodyAsJsonObject().getString("token");
    }

    /** An agent token with counter {@code counterId} opened by it. */
    public String agentAtCounter(String username, String siteId, String counterId) {
        String token = agent(username, "agent", siteId);
        HttpResponse<Buffer> opened = post("/api/v1/counters/" + counterId + "/open", token, null);
        if (opened.statusCode() != 200) {
            throw new IllegalStateException("could not open " + counterId + ": " + opened.bodyAsString());
        }
        return token;
    }

    public JsonObject issue(String token, String serviceId) {
        HttpResponse<Buffer> response = post("/api/v1/tickets", token, new JsonObject().put("serviceId", serviceId));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("issue failed: " + response.statusCode() + " " + response.bodyAsString());
        }
        return response.bodyAsJsonObject();
    }

    public HttpResponse<Buffer> get(String path, String token) {
        return send(HttpMethod.GET, path, token, null);
    }

    public HttpResponse<Buffer> post(String path, String token, Object body) {
        return send(HttpMethod.POST, path, token, body);
    }

    public HttpResponse<Buffer> put(String path, String token, Object body) {
        return send(HttpMethod.PUT, path, token, body);
    }

    public HttpResponse<Buffer> send(HttpMethod method, String path, String token, Object body) {
        return await(request(method, path, token, body));
    }

    public Future<HttpResponse<Buffer>> request(HttpMethod method, String path, String token, Object body) {
        HttpRequest<Buffer> request = client.request(method, path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        if (body == null) {
            return request.send();
        }
        if (body instanceof Buffer raw) {
            return request.putHeader("Content-Type", "application/json").sendBuffer(raw);
        }
        if (body instanceof String raw) {
            return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(raw));
        }
        return request.sendJson(body);
    }

    /** Stops the server (the shared test database stays up). */
    @Override
    public void close() {
        client.close();
        await(server.stop());
    }
}
