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
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.assertj.core.api.Assertions;
import org.guichet.server.GuichetServer;
import org.guichet.server.ServerOptions;
import org.guichet.server.config.Yaml;
import org.guichet.server.domain.IssuingRate;
import org.guichet.server.service.Services;
import org.guichet.server.store.Database;
import org.guichet.server.store.DatabaseSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real server for tests: a fresh database in the shared embedded PostgreSQL, the test deployment
 * (test-deployment.yaml: sites s1 and s2), an admin whose password is {@link #ADMIN_PASSWORD}, and blocking helpers
 * that speak HTTP to it. Used as a JUnit extension, it starts before the tests of a class (or before each test) in its
 * own Vert.x and stops after them:
 * <pre>
 * &#64;RegisterExtension
 * static final TestServer server = TestServer.perClass().withClock(clock);
 * </pre>
 * A test that needs more servers (a restart, two nodes) starts them with {@link #start(Vertx, ServerOptions)}.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String AGENT_PASSWORD = "agent-password-for-tests";
    /** The password an administrator gives a new agent in {@link #agent}, replaced at once by the agent's own. */
    public static final String INITIAL_AGENT_PASSWORD = "initial-agent-password-for-tests";

    private enum Lifetime { CLASS, TEST, MANUAL }

    private final Lifetime lifetime;
    private final UnaryOperator<ServerOptions> customize;
    private Vertx ownVertx;
    private Vertx vertx;
    private GuichetServer server;
    private WebClient client;
    private DatabaseSettings database;
    private String adminToken;
    private Pool sqlPool;
    private final java.util.Map<String, String> deviceTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private TestServer(Lifetime lifetime, UnaryOperator<ServerOptions> customize) {
        this.lifetime = lifetime;
        this.customize = customize;
    }

    /** A server started before the first test of the class and stopped after the last. */
    public static TestServer perClass() {
        return new TestServer(Lifetime.CLASS, UnaryOperator.identity());
    }

    /** A fresh server (and database) for each test. */
    public static TestServer perTest() {
        return new TestServer(Lifetime.TEST, UnaryOperator.identity());
    }

    public TestServer withClock(Clock clock) {
        return withOptions(options -> options.withClock(clock));
    }

    public TestServer withOptions(UnaryOperator<ServerOptions> change) {
        return new TestServer(lifetime, options -> change.apply(customize.apply(options)));
    }

    public static TestServer start(Vertx vertx) {
        return start(vertx, options(TestDatabase.freshDatabase(), 0));
    }

    /** A server started now, in the given Vert.x, stopped by {@link #close()}. */
    public static TestServer start(Vertx vertx, ServerOptions options) {
        TestServer started = new TestServer(Lifetime.MANUAL, UnaryOperator.identity());
        started.startIn(vertx, options);
        return started;
    }

    /**
     * Options for a server on the given database with the test deployment; port 0 picks a free port. Tests issue as
     * fast as they can, from one kiosk token standing for many: devices have a generous issuing rate here (tests of the
     * rate set their own).
     */
    public static ServerOptions options(DatabaseSettings database, int port) {
        return new ServerOptions(port, database, Path.of("target/unused-data"), deployment(), false, false,
                ADMIN_PASSWORD, Clock.systemUTC(), Duration.ofHours(12), 16, false)
                .withDeviceIssuing(new IssuingRate(100_000, Duration.ofNanos(1)));
    }

    public static JsonObject deployment() {
        return Yaml.resource("test-deployment.yaml");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifetime == Lifetime.CLASS) {
            startOwn();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (lifetime == Lifetime.TEST) {
            startOwn();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lifetime == Lifetime.TEST) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lifetime == Lifetime.CLASS) {
            close();
        }
    }

    private void startOwn() {
        ownVertx = Vertx.vertx();
        startIn(ownVertx, customize.apply(options(TestDatabase.freshDatabase(), 0)));
    }

    private void startIn(Vertx in, ServerOptions options) {
        vertx = in;
        database = options.database();
        server = await(GuichetServer.start(in, options));
        // Kept-alive connections are given up before the server's idle timeout closes them: a request sent on one
        // just as the server closes it fails with "Connection was closed".
        client = WebClient.create(in, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(server.port()).setKeepAliveTimeout(
                        (int) org.guichet.server.domain.HttpSettings.DEFAULT_IDLE_TIMEOUT.dividedBy(2).toSeconds()),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
        adminToken = login("admin", ADMIN_PASSWORD);
    }

    /** Stops the server and what the test server opened (the shared test database stays up). */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            if (sqlPool != null) {
                await(sqlPool.close());
            }
            client.close();
            await(server.stop());
        } finally {
            server = null;
            sqlPool = null;
            deviceTokens.clear();
            if (ownVertx != null) {
                await(ownVertx.close());
                ownVertx = null;
            }
        }
    }

    /** The body of a response that must be 200 OK; otherwise the test fails showing what came back. */
    public static JsonObject ok(HttpResponse<Buffer> response) {
        return status(response, 200).bodyAsJsonObject();
    }

    public static HttpResponse<Buffer> status(HttpResponse<Buffer> response, int expected) {
        Assertions.assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(expected);
        return response;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public GuichetServer server() {
        return running();
    }

    /** The server's services, for tests that drive the engine below HTTP. */
    public Services services() {
        return running().services();
    }

    public DatabaseSettings database() {
        return database;
    }

    public int port() {
        return running().port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String adminToken() {
        return adminToken;
    }

    public Vertx vertx() {
        running();
        return vertx;
    }

    /**
     * Runs a statement on the server's database (for what a test checks or prepares there): prepared with its
     * parameters, or sent as plain text without (so that VACUUM, which no prepared statement may run, can be).
     */
    public List<Row> sql(String statement, Object... params) {
        if (sqlPool == null) {
            sqlPool = Database.pool(vertx(), database, 2);
        }
        List<Row> rows = new ArrayList<>();
        await(params.length == 0 ? sqlPool.query(statement).execute()
                : sqlPool.preparedQuery(statement).execute(Tuple.from(params))).forEach(rows::add);
        return rows;
    }

    public String login(String username, String password) {
        HttpResponse<Buffer> response = post("/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.bodyAsString());
        }
        return response.bodyAsJsonObject().getString("token");
    }

    /**
     * Creates an agent (role agent, supervisor or admin) for the given sites and returns a logged-in token, once the
     * agent has replaced the password the administrator set by {@link #AGENT_PASSWORD}, as a first log-in asks.
     */
    public String agent(String username, String role, String... sites) {
        HttpResponse<Buffer> created = post("/api/v1/admin/agents", adminToken, new JsonObject()
                .put("username", username).put("displayName", username).put("password", INITIAL_AGENT_PASSWORD)
                .put("role", role).put("siteIds", new JsonArray(List.of(sites))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + created.bodyAsString());
        }
        return firstLogin(username);
    }

    /**
     * The first log-in of an account an administrator created with {@link #INITIAL_AGENT_PASSWORD}: the agent replaces
     * it by {@link #AGENT_PASSWORD}, as asked; returns the session's token.
     */
    public String firstLogin(String username) {
        String token = login(username, INITIAL_AGENT_PASSWORD);
        HttpResponse<Buffer> changed = post("/api/v1/auth/password", token, new JsonObject()
                .put("currentPassword", INITIAL_AGENT_PASSWORD).put("newPassword", AGENT_PASSWORD));
        if (changed.statusCode() != 200 && changed.statusCode() != 204) {
            throw new IllegalStateException("could not change the password of " + username + ": "
                                            + changed.bodyAsString());
        }
        return token;
    }

    /** A fresh token for a device of the test deployment. */
    public String deviceToken(String deviceId) {
        HttpResponse<Buffer> response = post("/api/v1/admin/devices/" + deviceId + "/token", adminToken, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + deviceId + ": " + response.bodyAsString());
        }
        return response.bodyAsJsonObject().getString("token");
    }

    /**
     * The token of a device of the test deployment, issued once for this server: unlike {@link #deviceToken}, asking
     * again gives the same token rather than revoking it.
     */
    public String tokenOf(String deviceId) {
        return deviceTokens.computeIfAbsent(deviceId, this::deviceToken);
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

    /** A ticket of {@code serviceId} issued at kiosk-1, then called to {@code counterId} and started by the agent. */
    public JsonObject inService(String agentToken, String counterId, String serviceId) {
        JsonObject ticket = issue(tokenOf("kiosk-1"), serviceId);
        long id = ticket.getLong("id");
        ok(post("/api/v1/tickets/" + id + "/call", agentToken, new JsonObject().put("counterId", counterId)));
        ok(post("/api/v1/tickets/" + id + "/start", agentToken, null));
        return ticket;
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

    /** A request with headers of its own and a raw body (null: none), such as a CSV file or an If-Match. */
    public HttpResponse<Buffer> send(HttpMethod method, String path, String token, Map<String, String> headers,
                                     Buffer body) {
        running();
        HttpRequest<Buffer> request = client.request(method, path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        headers.forEach(request::putHeader);
        return await(body == null ? request.send() : request.sendBuffer(body));
    }

    public Future<HttpResponse<Buffer>> request(HttpMethod method, String path, String token, Object body) {
        running();
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

    /** A body of another type than JSON, e.g. YAML. */
    public HttpResponse<Buffer> sendText(HttpMethod method, String path, String token, String contentType,
                                         String text) {
        return sendBytes(method, path, token, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body of bytes of the given type, e.g. an image. */
    public HttpResponse<Buffer> sendBytes(HttpMethod method, String path, String token, String contentType,
                                          byte[] body) {
        running();
        HttpRequest<Buffer> request = client.request(method, path).putHeader("Content-Type", contentType);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return await(request.sendBuffer(Buffer.buffer(body)));
    }

    private GuichetServer running() {
        if (server == null) {
            throw new IllegalStateException("The test server is not running (started per class, per test, or by "
                    + "TestServer.start).");
        }
        return server;
    }
}
