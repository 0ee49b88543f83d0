package org.guichet.kiosk.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
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

/**
 * The calls a kiosk makes to the Guichet server, authenticated with its device token. Every failure is a
 * {@link ServerCallException} that says whether trying again can help.
 */
public final class ServerApi {

    private static final Logger LOG = LoggerFactory.getLogger(ServerApi.class);

    private final Vertx vertx;
    private final WebClient client;
    private final String baseUrl;
    private final long timeoutMillis;
    private volatile String token;

    public ServerApi(Vertx vertx, URI baseUrl, String token, Duration requestTimeout) {
        this.vertx = vertx;
        this.baseUrl = baseUrl.toString();
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
        HttpRequest<Buffer> request = authorised(HttpMethod.GET,
                "/api/v1/sites/" + URLEncoder.encode(siteId, StandardCharsets.UTF_8) + "/menu");
        if (request == null) {
            return Future.failedFuture(noToken("menu"));
        }
        if (etag != null) {
            request.putHeader("If-None-Match", etag);
        }
        return answer(request.send(), "menu", true).map(response -> new MenuAnswer(
                response.statusCode() == 304 ? null : Menu.fromJson(response.bodyAsJsonObject()),
                response.getHeader("ETag")));
    }

    /**
     * POST /api/v1/devices/pair (no token): redeems a pairing code given by an administrator for this kiosk's new
     * token: answers {deviceId, kind, siteId, token, …}. A refusal is a {@link ServerCallException} of kind REJECTED with the server's error code and sentence.
     */
    public Future<JsonObject> pair(String code) {
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.POST, baseUrl + "/api/v1/devices/pair")
                .timeout(timeoutMillis);
        return answer(request.sendJsonObject(new JsonObject().put("code", code)
                        .put("kinds", new io.vertx.core.json.JsonArray().add("kiosk"))), "pairing", false)
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
        return issueOnce(request).recover(failure -> {
            if (attempts <= 1 || !ServerCallException.isUnreachable(failure)) {
                return Future.failedFuture(failure);
            }
            LOG.warn("Issuing {} got no answer ({}); retrying with the same key in {} ms", request.serviceId(),
                    failure.getMessage(), firstDelay.toMillis());
            return vertx.timer(Math.max(1, firstDelay.toMillis()))
                    .compose(waited -> issue(request, attempts - 1, firstDelay.multipliedBy(2)));
        });
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
        HttpRequest<Buffer> request = authorised(method, path);
        if (request == null) {
            return Future.failedFuture(noToken(what));
        }
        return answer(body == null ? request.send() : request.sendJsonObject(body), what, false);
    }

    /** A request with the device token, or null when the kiosk has none. */
    private HttpRequest<Buffer> authorised(HttpMethod method, String path) {
        if (!hasToken()) {
            return null;
        }
        return client.requestAbs(method, baseUrl + path).bearerTokenAuthentication(token).timeout(timeoutMillis);
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
