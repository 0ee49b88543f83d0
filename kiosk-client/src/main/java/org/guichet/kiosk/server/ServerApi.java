package org.guichet.kiosk.server;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The calls a kiosk makes to the Guichet server, authenticated with its device token. Every failure is a
 * {@link ServerCallException} that says whether trying again can help.
 * <p>
 * With several server addresses, each call goes to the one in use; when that one gives no answer or says it is
 * unavailable (502, 503, 504), the same call goes to the next, each server at most once per call, and the one that
 * answered stays in use. Issuing stays safe across the move: the request carries its idempotency key, which every
 * node checks in the one shared database, so a ticket stored by a node whose answer was lost is answered again by the
 * next node rather than issued twice.
 */
public final class ServerApi {

    private static final Logger LOG = LoggerFactory.getLogger(ServerApi.class);

    private final Vertx vertx;
    private final WebClient client;
    private final ServerAddresses servers;
    private final long timeoutMillis;
    private volatile String token;

    public ServerApi(Vertx vertx, List<URI> servers, String token, Duration requestTimeout) {
        this.vertx = vertx;
        this.servers = new ServerAddresses(servers);
        this.timeoutMillis = Math.max(1, requestTimeout.toMillis());
        this.token = token;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setKeepAlive(true)
                .setUserAgent("guichet-kiosk"));
    }

    public void token(String newToken) {
        this.token = newToken;
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    /** The server the kiosk's requests go to now. */
    public URI serverInUse() {
        return servers.current();
    }

    /** Every server configured, in order. */
    public List<URI> servers() {
        return servers.all();
    }

    /** GET /api/v1/auth/me: proves the server answers and the token is valid; gives the kiosk's site. */
    public Future<String> siteOfThisKiosk() {
        return call(HttpMethod.GET, "/api/v1/auth/me", null, "who am I")
                .map(response -> {
                    JsonObject me = response.bodyAsJsonObject();
                    String siteId = me.getString("siteId");
                    if (!"kiosk".equals(me.getString("kind")) || siteId == null) {
                        throw new ServerCallException(ServerCallException.Kind.UNAUTHORISED, response.statusCode(),
                                "this token is not a kiosk's token (kind " + me.getString("kind") + ")", null);
                    }
                    return siteId;
                });
    }

    /** A menu as read, with its version; {@code menu} null when the server said the version asked is current. */
    public record MenuAnswer(Menu menu, String etag) {
    }

    /**
     * GET /api/v1/sites/{siteId}/menu, with If-None-Match when the kiosk has a version ({@code etag} not null): an
     * unchanged menu costs a 304 and no body.
     */
    public Future<MenuAnswer> menu(String siteId, String etag) {
        if (!hasToken()) {
            return Future.failedFuture(noToken("menu"));
        }
        String path = "/api/v1/sites/" + URLEncoder.encode(siteId, StandardCharsets.UTF_8) + "/menu";
        return withFailover("menu", true, server -> {
            HttpRequest<Buffer> request = authorised(server, HttpMethod.GET, path);
            if (etag != null) {
                request.putHeader("If-None-Match", etag);
            }
            return request.send();
        }).map(response -> new MenuAnswer(
                response.statusCode() == 304 ? null : Menu.fromJson(response.bodyAsJsonObject()),
                response.getHeader("ETag")));
    }

    /**
     * POST /api/v1/devices/pair (no token): redeems a pairing code given by an administrator for this kiosk's new
     * token: answers {deviceId, kind, siteId, token, …}. A refusal is a {@link ServerCallException} of kind REJECTED with the server's error code and sentence.
     */
    public Future<JsonObject> pair(String code) {
        JsonObject body = new JsonObject().put("code", code).put("kinds", new io.vertx.core.json.JsonArray().add("kiosk"));
        return withFailover("pairing", false, server -> client.requestAbs(HttpMethod.POST,
                        server + "/api/v1/devices/pair").timeout(timeoutMillis).sendJsonObject(body))
                .map(HttpResponse::bodyAsJsonObject);
    }

    /** POST /api/v1/tickets once: 201 a new ticket, 200 the ticket already issued for this idempotency key. */
    public Future<IssuedTicket> issueOnce(IssueRequest request) {
        return call(HttpMethod.POST, "/api/v1/tickets", request.toJson(), "issue ticket")
                .map(response -> IssuedTicket.fromJson(response.bodyAsJsonObject(), response.statusCode() == 200));
    }

    /**
     * Issues with retries: when an attempt gets no answer (or a 5xx), waits and sends the very same request again,
     * idempotency key included, so a response lost on the way back never turns into a second ticket.
     */
    public Future<IssuedTicket> issue(IssueRequest request, int attempts, Duration firstDelay) {
        return resent("Issuing " + request.serviceId(), attempts, firstDelay, () -> issueOnce(request));
    }

    /**
     * The exchange, sent again as it is while it gets no answer, waiting {@code delay} then twice as long each time:
     * only for exchanges the server answers once whatever the repeats (a request key, an appointment's check-in).
     */
    private <T> Future<T> resent(String what, int attempts, Duration delay, Supplier<Future<T>> once) {
        return once.get().recover(failure -> {
            if (attempts <= 1 || !ServerCallException.isUnreachable(failure)) {
                return Future.failedFuture(failure);
            }
            LOG.warn("{} got no answer ({}); sending it again as it was in {} ms", what, failure.getMessage(),
                    delay.toMillis());
            return vertx.timer(Math.max(1, delay.toMillis()))
                    .compose(waited -> resent(what, attempts - 1, delay.multipliedBy(2), once));
        });
    }

    /**
     * POST /api/v1/sites/{siteId}/appointments/check-in: the ticket of a visitor with an appointment. Sent again as
     * it is when no answer came: the server gives one ticket per appointment however many times it is asked.
     */
    public Future<IssuedTicket> checkIn(String siteId, String code, String language, int attempts,
                                        Duration firstDelay) {
        return checkIn(siteId, new JsonObject().put("code", code), language, attempts, firstDelay);
    }

    /** The same, for an appointment the visitor picked from those at hand (they lost their code). */
    public Future<IssuedTicket> checkInPicked(String siteId, long appointmentId, String language, int attempts,
                                              Duration firstDelay) {
        return checkIn(siteId, new JsonObject().put("appointmentId", appointmentId), language, attempts, firstDelay);
    }

    /**
     * GET /api/v1/public/sites/{siteId}/appointments/services, then for one service
     * GET /api/v1/sites/{siteId}/appointments/at-hand: the appointments a visitor may check in for now, by time and
     * initial.
     */
    public Future<JsonArray> appointmentServices(String siteId) {
        return call(HttpMethod.GET, "/api/v1/public/sites/" + URLEncoder.encode(siteId, StandardCharsets.UTF_8)
                + "/appointments/services", null, "appointment services").map(HttpResponse::bodyAsJsonArray);
    }

    public Future<JsonArray> appointmentsAtHand(String siteId, String serviceId) {
        return call(HttpMethod.GET, "/api/v1/sites/" + URLEncoder.encode(siteId, StandardCharsets.UTF_8)
                + "/appointments/at-hand?serviceId=" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8), null,
                "appointments at hand").map(HttpResponse::bodyAsJsonArray);
    }

    private Future<IssuedTicket> checkIn(String siteId, JsonObject body, String language, int attempts,
                                         Duration firstDelay) {
        String path = "/api/v1/sites/" + URLEncoder.encode(siteId, StandardCharsets.UTF_8) + "/appointments/check-in";
        if (language != null) {
            body.put("language", language);
        }
        return resent("A check-in", attempts, firstDelay, () -> call(HttpMethod.POST, path, body, "check-in")
                .map(response -> IssuedTicket.fromJson(response.bodyAsJsonObject(), false)));
    }

    /** POST /api/v1/devices/heartbeat */
    public Future<Void> heartbeat(JsonObject health) {
        return call(HttpMethod.POST, "/api/v1/devices/heartbeat", health, "heartbeat").mapEmpty();
    }

    public Future<Void> close() {
        client.close();
        return Future.succeededFuture();
    }

    private Future<HttpResponse<Buffer>> call(HttpMethod method, String path, JsonObject body, String what) {
        if (!hasToken()) {
            return Future.failedFuture(noToken(what));
        }
        return withFailover(what, false, server -> {
            HttpRequest<Buffer> request = authorised(server, method, path);
            return body == null ? request.send() : request.sendJsonObject(body);
        });
    }

    /** A request to that server with the device token. */
    private HttpRequest<Buffer> authorised(URI server, HttpMethod method, String path) {
        return client.requestAbs(method, server + path).bearerTokenAuthentication(token).timeout(timeoutMillis);
    }

    /**
     * Sends the exchange to the server in use; while a server gives no answer or says it is unavailable, sends it to
     * the next one, each server at most once.
     */
    private Future<HttpResponse<Buffer>> withFailover(String what, boolean notModifiedOk,
                                                      Function<URI, Future<HttpResponse<Buffer>>> exchange) {
        return attempt(what, notModifiedOk, exchange, servers.current(), servers.size(), null);
    }

    private Future<HttpResponse<Buffer>> attempt(String what, boolean notModifiedOk,
                                                 Function<URI, Future<HttpResponse<Buffer>>> exchange, URI server,
                                                 int serversLeft, String leftBecause) {
        Future<HttpResponse<Buffer>> sent;
        try {
            sent = exchange.apply(server);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);     // e.g. the client closed as the kiosk stops
        }
        return answer(sent, what, notModifiedOk).transform((response, failure) -> {
            if (failure == null) {
                if (leftBecause != null) {
                    LOG.warn("{}; moved to server {}, which answers and is used from now on", leftBecause, server);
                }
                return Future.succeededFuture(response);
            }
            if (!ServerCallException.isServerUnavailable(failure)) {
                return Future.failedFuture(failure);
            }
            URI next = servers.moveOnFrom(server);
            if (serversLeft <= 1 || next.equals(server)) {
                return Future.failedFuture(failure);
            }
            LOG.debug("Server {} unavailable for {} ({}); trying {}", server, what, failure.getMessage(), next);
            return attempt(what, notModifiedOk, exchange, next, serversLeft - 1,
                    "Server " + server + " unavailable (" + failure.getMessage() + ")");
        });
    }

    private static ServerCallException noToken(String what) {
        return new ServerCallException(ServerCallException.Kind.UNAUTHORISED, 0,
                what + ": this kiosk has no device token", null);
    }

    private Future<HttpResponse<Buffer>> answer(Future<HttpResponse<Buffer>> sent, String what, boolean notModifiedOk) {
        return sent.transform((response, failure) -> {
            if (failure != null) {
                return Future.failedFuture(ServerCallException.unreachable(what, failure));
            }
            if (response.statusCode() >= 200 && response.statusCode() < 300
                || notModifiedOk && response.statusCode() == 304) {
                return Future.succeededFuture(response);
            }
            return Future.failedFuture(ServerCallException.fromStatus(what, response.statusCode(),
                    abbreviated(response.bodyAsString())));
        });
    }

    private static String abbreviated(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
