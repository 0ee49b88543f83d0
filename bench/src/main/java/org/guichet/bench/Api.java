package org.guichet.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.concurrent.TimeUnit;

/** The server's API as a benchmark calls it: one request with an optional bearer token and JSON body. */
final class Api {

    private final WebClient http;
    private final long timeoutMillis;

    /** @param timeoutMillis how long a request may take before it fails; 0 for no limit (no timer per request) */
    Api(WebClient http, long timeoutMillis) {
        this.http = http;
        this.timeoutMillis = timeoutMillis;
    }

    Future<HttpResponse<Buffer>> request(HttpMethod method, String path, String token, JsonObject body) {
        HttpRequest<Buffer> request = http.request(method, path);
        if (timeoutMillis > 0) {
            request.timeout(timeoutMillis);
        }
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return body == null ? request.send() : request.sendJson(body);
    }

    /** The request's answer, waited for (set-up and checks, not measured work). */
    HttpResponse<Buffer> send(HttpMethod method, String path, String token, JsonObject body) {
        try {
            return request(method, path, token, body).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A session's token; when the password was set by an administrator, the agent first replaces it by
     * {@link #ownPassword} of it, as the server asks, and the session goes on.
     */
    String login(String username, String password) {
        JsonObject session = send(HttpMethod.POST, "/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password)).bodyAsJsonObject();
        String token = session.getString("token");
        if (session.getBoolean("mustChangePassword", false)) {
            send(HttpMethod.POST, "/api/v1/auth/password", token, new JsonObject().put("currentPassword", password)
                    .put("newPassword", ownPassword(password)));
        }
        return token;
    }

    /** The password an agent chooses at first log-in instead of the one an administrator gave. */
    static String ownPassword(String given) {
        return given + "-own";
    }
}
