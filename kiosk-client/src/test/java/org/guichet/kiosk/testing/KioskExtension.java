package org.guichet.kiosk.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.kiosk.KioskVerticle;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.core.Kiosk;
import org.guichet.server.ServerOptions;
import org.guichet.server.store.DatabaseSettings;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.guichet.server.testing.TestServer.await;

/**
 * JUnit 5 extension for tests of the kiosk client against a real Guichet server. Before each test: the server from
 * the server's test-jar on a fresh database in the embedded PostgreSQL, with device {@value #KIOSK_ID} registered,
 * and an empty directory for the file printer. The test then starts the kiosk with the config it needs
 * ({@link #config()} to begin with); it runs in its own Vert.x, apart from the server, as on a Pi, and is spoken to
 * over HTTP like the touch UI does. After each test everything is stopped: kiosk, mock GPIO, fault proxy, network
 * printer, server.
 * <pre>
 * &#64;RegisterExtension
 * final KioskExtension kiosk = new KioskExtension();             // or KioskExtension.withMockGpio()
 * </pre>
 */
public final class KioskExtension implements BeforeEachCallback, AfterEachCallback {

    public static final String KIOSK_ID = "kiosk-1";
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final boolean mockGpio;
    private Vertx serverVertx;
    private TestServer server;
    private DatabaseSettings databaseSettings;
    private int serverPort;
    private final Database database = new Database(this::server);
    private String token;
    private Path printed;
    private MockGpio gpio;
    private FakeEscPosPrinter networkPrinter;
    private FaultProxy faultProxy;
    private Vertx kioskVertx;
    private KioskVerticle verticle;
    private WebClient client;

    public KioskExtension() {
        this(false);
    }

    private KioskExtension(boolean mockGpio) {
        this.mockGpio = mockGpio;
    }

    /** The kiosk also gets Pi4J's mock GPIO and a button clock the test moves ({@link #gpio()}). */
    public static KioskExtension withMockGpio() {
        return new KioskExtension(true);
    }

    @Override
    public void beforeEach(ExtensionContext test) throws IOException {
        serverVertx = Vertx.vertx();
        server = TestServer.start(serverVertx);
        databaseSettings = server.database();
        serverPort = server.port();
        token = server.deviceToken(KIOSK_ID);
        printed = Files.createTempDirectory("guichet-kiosk-printed-");
        if (mockGpio) {
            gpio = new MockGpio();
        }
    }

    @Override
    public void afterEach(ExtensionContext test) throws Exception {
        Teardown teardown = new Teardown();
        if (client != null) {
            teardown.run(client::close);
        }
        if (kioskVertx != null) {
            teardown.run(() -> await(kioskVertx.close()));
        }
        if (gpio != null) {
            teardown.run(gpio::close);
        }
        if (faultProxy != null) {
            teardown.run(faultProxy::close);
        }
        if (networkPrinter != null) {
            teardown.run(networkPrinter::close);
        }
        if (server != null) {
            teardown.run(server::close);
        }
        if (serverVertx != null) {
            teardown.run(() -> await(serverVertx.close()));
        }
        if (printed != null) {
            teardown.run(() -> deleteRecursively(printed));
        }
        teardown.rethrow();
    }

    // The world around the kiosk

    public TestServer server() {
        return server;
    }

    /** Stops the server; the kiosk finds it unreachable. */
    public void stopServer() {
        server.close();
        server = null;
    }

    /** Starts the server again on the same database and port, as after a restart. */
    public void restartServer() {
        restartServer(options -> options);
    }

    /** Starts the server again on the same database and port, with changed options. */
    public void restartServer(UnaryOperator<ServerOptions> change) {
        server = TestServer.start(serverVertx, change.apply(TestServer.options(databaseSettings, serverPort)));
    }

    /** Gives the kiosk's site s1 these opening hours and calendar block, through the admin API. */
    public void siteCalendar(JsonObject openingHours, JsonObject calendar) {
        JsonObject deployment = TestServer.deployment();
        deployment.getJsonArray("sites").getJsonObject(0).put("openingHours", openingHours).put("calendar", calendar);
        TestServer.ok(server.put("/api/v1/admin/deployment", server.adminToken(), deployment));
    }

    /** A calendar that closes site s1 today and tomorrow: it opens again the day after at 08:30, Paris time. */
    public void closedTodayAndTomorrow() {
        LocalDate today = LocalDate.now(PARIS);
        JsonObject everyMorning = new JsonObject();
        List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").forEach(day -> everyMorning.put(day, "08:30-12:00"));
        siteCalendar(everyMorning, new JsonObject().put("publicHolidays", "NONE")
                .put("closures", new JsonArray().add(today + ".." + today.plusDays(1))));
    }

    public Database database() {
        return database;
    }

    /** A network ESC/POS printer on 127.0.0.1, started on first use, healthy until told otherwise. */
    public FakeEscPosPrinter networkPrinter() throws IOException {
        if (networkPrinter == null) {
            networkPrinter = new FakeEscPosPrinter();
        }
        return networkPrinter;
    }

    /** A proxy in front of the server that can lose answers, started on first use; its URL is {@link FaultProxy#url()}. */
    public FaultProxy faultProxy() throws Exception {
        if (faultProxy == null) {
            faultProxy = new FaultProxy(serverVertx, serverPort);
        }
        return faultProxy;
    }

    public MockGpio gpio() {
        if (gpio == null) {
            throw new IllegalStateException("register KioskExtension.withMockGpio() for GPIO");
        }
        return gpio;
    }

    /** Where the file printer of {@link #config()} writes: ticket-0001.bin (bytes) and ticket-0001.txt (preview). */
    public Path printedDirectory() {
        return printed;
    }

    /** The slips printed by the file printer, as their .bin files, in printing order. */
    public List<Path> printouts() {
        try (Stream<Path> files = Files.list(printed)) {
            return files.filter(file -> file.toString().endsWith(".bin")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The kiosk

    /**
     * A test config: the server and kiosk-1's token, quick checks, a short retry delay, the UI on a free port,
     * printing to {@link #printedDirectory()}, no GPIO. Change what a test needs before {@link #start}.
     */
    public JsonObject config() {
        return config("file:" + printed);
    }

    /** {@link #config()} with another printer, e.g. {@code networkPrinter().connectionSpec()}. */
    public JsonObject config(String printerSpec) {
        return new JsonObject()
                .put("server", new JsonObject().put("url", server.baseUrl())
                        .put("publicUrl", "https://guichet.example.test")
                        .put("deviceToken", token)
                        .put("requestTimeout", "3s")
                        .put("retryDelay", "100ms")
                        .put("healthCheckEvery", "200ms")
                        .put("heartbeatEvery", "30s"))
                .put("http", new JsonObject().put("port", 0))
                .put("printer", new JsonObject().put("connection", printerSpec).put("pollEvery", "200ms"))
                .put("gpio", new JsonObject().put("provider", "none"));
    }

    /** Deploys the kiosk with this config (and the mock GPIO and its clock, when registered with them). */
    public void start(JsonObject config) {
        KioskConfig kioskConfig = KioskConfig.fromJson(config, Map.of(), Path.of("."));
        kioskVertx = Vertx.vertx();
        verticle = gpio == null ? new KioskVerticle(kioskConfig, null)
                : new KioskVerticle(kioskConfig, gpio.context(), gpio.clock());
        await(kioskVertx.deployVerticle(verticle));
        client = WebClient.create(kioskVertx);
    }

    /** The kiosk core, for what no HTTP route shows. */
    public Kiosk core() {
        return verticle.kiosk();
    }

    /** The touch UI's address, e.g. for a browser. */
    public String url() {
        return "http://127.0.0.1:" + verticle.port() + "/";
    }

    /** GET /api/state */
    public JsonObject state() {
        return await(client.get(verticle.port(), "127.0.0.1", "/api/state").send()).bodyAsJsonObject();
    }

    /** POST /api/tickets, as the touch UI sends it after a tap. */
    public HttpResponse<Buffer> take(String entryId, String priority, String language, String key) {
        return await(client.post(verticle.port(), "127.0.0.1", "/api/tickets").sendJsonObject(new JsonObject()
                .put("entryId", entryId).put("priority", priority).put("language", language).put("key", key)));
    }

    /** A tap on an entry: normal priority, in French, with a key of its own. */
    public HttpResponse<Buffer> take(String entryId) {
        return take(entryId, "NORMAL", "fr", "test-" + UUID.randomUUID());
    }

    /** Asks GET /api/state until the state satisfies the condition, and returns that state. */
    public JsonObject awaitState(String what, Predicate<JsonObject> condition) {
        return Eventually.await("kiosk state: " + what, this::state, condition);
    }

    public JsonObject awaitReady() {
        return awaitState("READY", state -> "READY".equals(state.getString("state")));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Runs every step of a teardown even when one fails; the first failure is thrown, the others suppressed. */
    private static final class Teardown {

        interface Step {
            void run() throws Exception;
        }

        private Exception failure;

        void run(Step step) {
            try {
                step.run();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }

        void rethrow() throws Exception {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
