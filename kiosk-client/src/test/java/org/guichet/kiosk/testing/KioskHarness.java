package org.guichet.kiosk.testing;

import com.pi4j.context.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.guichet.kiosk.KioskVerticle;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.core.Kiosk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real kiosk client in its own Vert.x instance (as on a Pi, apart from the server), speaking HTTP to its local API
 * like the touch UI does.
 */
public final class KioskHarness implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final KioskVerticle verticle;
    private final WebClient client;

    private KioskHarness(Vertx vertx, KioskVerticle verticle) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.client = WebClient.create(vertx);
    }

    /** A test config: quick checks, a short retry delay, the kiosk UI on a free port, no GPIO. */
    public static JsonObject config(String serverUrl, String deviceToken, String printerSpec) {
        return new JsonObject()
                .put("server", new JsonObject().put("url", serverUrl)
                        .put("publicUrl", "https://guichet.example.test")
                        .put("deviceToken", deviceToken)
                        .put("requestTimeout", "3s")
                        .put("retryDelay", "100ms")
                        .put("healthCheckEvery", "200ms")
                        .put("heartbeatEvery", "30s"))
                .put("http", new JsonObject().put("port", 0))
                .put("printer", new JsonObject().put("connection", printerSpec).put("pollEvery", "200ms"))
                .put("gpio", new JsonObject().put("provider", "none"));
    }

    public static KioskHarness start(JsonObject config, Context pi4j) {
        KioskConfig kioskConfig = KioskConfig.fromJson(config, Map.of(), Path.of("."));
        Vertx vertx = Vertx.vertx();
        KioskVerticle verticle = new KioskVerticle(kioskConfig, pi4j);
        try {
            vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException(e);
        }
        return new KioskHarness(vertx, verticle);
    }

    public Kiosk kiosk() {
        return verticle.kiosk();
    }

    public KioskVerticle verticle() {
        return verticle;
    }

    public int port() {
        return verticle.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** GET /api/state */
    public JsonObject state() {
        return await(client.get(port(), "127.0.0.1", "/api/state").send()).bodyAsJsonObject();
    }

    /** POST /api/tickets, as the touch UI sends it after a tap. */
    public HttpResponse<Buffer> take(String entryId, String priority, String language, String key) {
        return await(client.post(port(), "127.0.0.1", "/api/tickets").sendJsonObject(new JsonObject()
                .put("entryId", entryId).put("priority", priority).put("language", language).put("key", key)));
    }

    public HttpResponse<Buffer> take(String entryId) {
        return take(entryId, "NORMAL", "fr", "test-" + UUID.randomUUID());
    }

    public JsonObject awaitState(Predicate<JsonObject> condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject state = state();
        while (!condition.test(state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("kiosk never reached: " + what + "; last state " + state.copy()
                        .put("menu", state.getValue("menu") == null ? null : "…"));
            }
            sleep(50);
            state = state();
        }
        return state;
    }

    public JsonObject awaitReady() {
        return awaitState(state -> "READY".equals(state.getString("state")), "READY");
    }

    public static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            sleep(50);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
