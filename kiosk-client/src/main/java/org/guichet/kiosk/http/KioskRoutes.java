package org.guichet.kiosk.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.core.Kiosk;
import org.guichet.kiosk.core.KioskFailure;
import org.guichet.kiosk.core.KioskHealth;
import org.guichet.kiosk.core.TicketOutcome;
import org.guichet.kiosk.core.VisitorRequest;
import org.guichet.kiosk.server.ServerCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.TreeMap;

/**
 * What the kiosk's own Chromium talks to, on loopback only. The device token never leaves the kiosk process:
 * the page asks this API, which asks the server.
 */
public final class KioskRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(KioskRoutes.class);

    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final Kiosk kiosk;

    public KioskRoutes(Kiosk kiosk) {
        this.kiosk = kiosk;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(KioskRoutes::securityHeaders);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(4096));
        router.get("/").handler(this::toTouchUi);
        router.get("/api/state").handler(this::state);
        router.post("/api/tickets").handler(this::takeTicket);
        router.post("/api/check-in").handler(this::checkIn);
        router.get("/api/appointments").handler(this::appointments);
        router.post("/api/pair").handler(this::pair);
        router.get("/api/buttons").handler(this::screenButtons);
        router.route("/kiosk/*").handler(StaticHandler.create("web/kiosk").setCachingEnabled(false));
        // The layer every Guichet web app shares (guichet-web-common, packed into this jar): no server needed.
        router.route("/shared/*").handler(StaticHandler.create("web/shared").setCachingEnabled(false));
        router.route("/api/*").failureHandler(this::failure);
        return router;
    }

    /** The touch screen loads only the kiosk's own files: no inline script or style, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response().headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff").set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY");
        ctx.next();
    }

    private void toTouchUi(RoutingContext ctx) {
        ctx.redirect("/kiosk/");
    }

    /** Health, menu and screen settings: the page polls this every few seconds. */
    private void state(RoutingContext ctx) {
        KioskHealth health = kiosk.health();
        KioskConfig.Screen screen = kiosk.config().screen();
        JsonObject state = new JsonObject()
                .put("state", health.light().name())
                .put("reason", health.reason().name())
                .put("canIssue", health.canIssue())
                .put("connection", health.connection().name())
                .put("server", kiosk.serverInUse().toString())
                .put("printer", health.heartbeat().getJsonObject("printer"))
                .put("menu", kiosk.menu().map(menu -> menu.toUiJson()).orElse(null))
                .put("opening", kiosk.menu().map(menu -> menu.opening().toUiJson()).orElse(null))
                .put("privacyUrl", privacyUrl())
                .put("screen", new JsonObject()
                        .put("idleSeconds", screen.idleTimeout().toMillis() / 1000.0)
                        .put("ticketScreenSeconds", screen.ticketScreenTime().toMillis() / 1000.0)
                        .put("whereToGo", new JsonObject(new TreeMap<>(screen.whereToGo())))
                        .put("buttons", screenButtonNames()));
        send(ctx, 200, state);
    }

    /** The server's privacy notice, at the address visitors' phones reach (the one printed in ticket QR codes). */
    private String privacyUrl() {
        return kiosk.config().server().publicUrl().toString().replaceAll("/+$", "") + "/confidentialite";
    }

    /** The physical screen buttons fitted, e.g. ["accessible", "next", "select"]: the page says how to use them. */
    private JsonArray screenButtonNames() {
        JsonArray names = new JsonArray();
        KioskConfig.Buttons buttons = kiosk.config().gpio().buttons();
        if (buttons != null && kiosk.config().gpio().anyDevice()) {
            buttons.mappings().stream().filter(KioskConfig.ButtonMapping::drivesScreen)
                    .forEach(mapping -> names.add(mapping.screenButton().configName()));
        }
        return names;
    }

    /**
     * The presses of the screen buttons, as server-sent events: {@code data: next}. Open as long as the page is;
     * a comment every {@value #KEEP_ALIVE_MILLIS} ms keeps the connection known to be alive.
     */
    private void screenButtons(RoutingContext ctx) {
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        response.write(": screen buttons\n\n");
        Context context = ctx.vertx().getOrCreateContext();
        Runnable stopListening = kiosk.screenButtons().listen(button -> context.runOnContext(ignored -> {
            if (!response.closed()) {
                response.write("data: " + button.configName() + "\n\n");
            }
        }));
        long keepAlive = ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, id -> {
            if (!response.closed()) {
                response.write(": still here\n\n");
            }
        });
        response.closeHandler(closed -> {
            stopListening.run();
            ctx.vertx().cancelTimer(keepAlive);
        });
    }

    /** Body {entryId, priority, language, key, largePrint}; the key is created by the page once per visitor action. */
    private void takeTicket(RoutingContext ctx) {
        VisitorRequest request;
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new IllegalArgumentException("a JSON body is required");
            }
            request = new VisitorRequest(body.getString("entryId"), body.getString("priority", "NORMAL"),
                    body.getString("language", "fr"), body.getString("key"), body.getBoolean("largePrint", false));
        } catch (RuntimeException e) {
            send(ctx, 400, error("bad_request", e.getMessage()));
            return;
        }
        reply(ctx, kiosk.take(request));
    }

    /** The visitor's outcome, or why none: a refusal as its code and the kiosk's health. */
    private void reply(RoutingContext ctx, io.vertx.core.Future<TicketOutcome> outcome) {
        outcome.onSuccess(served -> send(ctx, 200, served.toJson()))
                .onFailure(failure -> {
                    if (failure instanceof KioskFailure refusal) {
                        send(ctx, refusal.code().httpStatus(), error(refusal.code().apiName(), refusal.getMessage())
                                .put("health", kiosk.health().reason().name()));
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    /**
     * Body {code, language, key, largePrint}: checks a visitor in with their appointment's code (typed on the screen
     * or read by a scanner); the ticket as for a menu entry, or why not (appointment_unknown, _too_early, _missed).
     */
    private void checkIn(RoutingContext ctx) {
        String code;
        Long picked;
        String language;
        String key;
        boolean largePrint;
        try {
            JsonObject body = ctx.body().asJsonObject();
            code = body.getString("code");
            picked = body.getLong("appointmentId");
            language = body.getString("language");
            key = body.getString("key");
            largePrint = body.getBoolean("largePrint", false);
        } catch (RuntimeException notTheRightShape) {
            code = null;
            picked = null;
            language = null;
            key = null;
            largePrint = false;
        }
        if ((code == null || code.isBlank() || code.length() > 20) && picked == null
            || language != null && !KioskConfig.LANGUAGES.contains(language)
            || key == null || !key.matches("[A-Za-z0-9_-]{8,100}")) {
            send(ctx, 400, error("bad_request", "Send {code or appointmentId, key, language?}."));
            return;
        }
        reply(ctx, picked != null ? kiosk.checkInPicked(picked, language, key, largePrint)
                : kiosk.checkIn(code.strip(), language, key, largePrint));
    }

    /**
     * ?serviceId=…: for a visitor who lost their code, the service's appointments at hand (time and initial);
     * without it, the services that take appointments.
     */
    private void appointments(RoutingContext ctx) {
        String serviceId = ctx.queryParams().get("serviceId");
        kiosk.appointments(serviceId == null || serviceId.isBlank() ? null : serviceId)
                .onSuccess(found -> send(ctx, 200, new JsonObject().put("appointments", found)))
                .onFailure(failure -> send(ctx, 503, error("server_unreachable", failure.getMessage())));
    }

    /**
     * Body {code}: pairs this kiosk with a code an administrator was given (its token is written to the token file).
     * 200 {deviceId, kind, siteId}; the server's refusal as it said it (404 pairing_code_unknown, 409 …_used,
     * …_expired, …_blocked, 429), 409 pairing_unavailable when the token could not be kept, 503 when the server
     * cannot be reached.
     */
    private void pair(RoutingContext ctx) {
        String code;
        try {
            JsonObject body = ctx.body().asJsonObject();
            code = body == null ? null : body.getString("code");
        } catch (RuntimeException e) {
            code = null;
        }
        if (code == null || code.isBlank()) {
            send(ctx, 400, error("bad_request", "Send {\"code\": \"ABCD-EFGH\"}, the code an administrator was given."));
            return;
        }
        kiosk.pair(code)
                .onSuccess(paired -> send(ctx, 200, paired.put("paired", true)))
                .onFailure(failure -> {
                    if (failure instanceof IllegalStateException cannotKeep) {
                        send(ctx, 409, error("pairing_unavailable", cannotKeep.getMessage()));
                    } else if (failure instanceof ServerCallException call && call.status() >= 400
                               && call.status() < 500) {
                        send(ctx, call.status(), error(call.errorCode() == null ? "rejected" : call.errorCode(),
                                call.serverMessage() == null ? call.getMessage() : call.serverMessage()));
                    } else if (failure instanceof ServerCallException) {
                        send(ctx, 503, error("server_unreachable", "The Guichet server cannot be reached: "
                                + failure.getMessage()));
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    private void failure(RoutingContext ctx) {
        if (ctx.failure() != null) {
            LOG.error("Kiosk API {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        int status = ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 500;
        if (!ctx.response().ended()) {
            send(ctx, status, error(status == 500 ? "internal" : "bad_request", "The kiosk could not do that."));
        }
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("error", code).put("message", message);
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
