package org.guichet.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.Failure;
import org.guichet.server.view.AccountView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {"error": code, "message": text}. The database out of reach
 * arrives as the domain's "unavailable" failure (the store layer tells it from the client's exceptions) and is
 * answered 503 with a Retry-After.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
    /**
     * When a client may try again after a 503: the pool fails fast while the database is away and reconnects as soon
     * as it answers, so a few seconds.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    /** An HTTP answer to a failure; {@code current}: for a stale change, the entity as now stored, else null. */
    record Answer(int status, String code, String message, JsonObject current) {

        Answer(int status, String code, String message) {
            this(status, code, message, null);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof HttpClosedException) {
            return; // the client left, or was cut off for stalling its body: no one to answer, nothing failed here
        }
        Answer answer = answer(ctx.statusCode(), failure);
        // A 503 is the database out of reach: the store layer logs the outage once, not each request.
        if (answer.status() >= 500 && answer.status() != 503) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        JsonObject body = new JsonObject().put("error", answer.code()).put("message", answer.message());
        if (answer.current() != null) {
            body.put("current", answer.current());
        }
        if (answer.status() == 503) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (failure instanceof Failure domain && domain.retryAfter() != null) {
            ctx.response().putHeader("Retry-After", String.valueOf(Failure.wholeSeconds(domain.retryAfter())));
        }
        ctx.response()
                .setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    static Answer answer(int statusCode, Throwable failure) {
        if (failure instanceof Failure domain) {
            return new Answer(status(domain.kind()), domain.code(), domain.getMessage(), current(domain.current()));
        }
        if (failure instanceof DecodeException) {
            return badRequest("The request body is not valid JSON.");
        }
        if (failure instanceof IllegalArgumentException) {
            return badRequest(plainMessage(failure));
        }
        if (failure instanceof ClassCastException) {
            return badRequest("A field has the wrong type.");
        }
        if (failure == null) {
            return switch (statusCode) {
                case 400 -> badRequest("Bad request.");
                case 401 -> new Answer(401, "unauthorized", "Authentication is required.");
                case 403 -> new Answer(403, "forbidden", "Not allowed.");
                case 404 -> new Answer(404, "not_found", "No such resource.");
                case 405 -> new Answer(405, "method_not_allowed", "This method is not allowed here.");
                case 413 -> new Answer(413, "payload_too_large", "The request body is too large.");
                case 415 -> new Answer(415, "unsupported_media_type", "Send application/json.");
                default -> statusCode >= 400 && statusCode < 500
                        ? new Answer(statusCode, "client_error", "The request was refused.")
                        : new Answer(500, "internal_error", "Internal error.");
            };
        }
        return new Answer(500, "internal_error", "Internal error; it has been logged.");
    }

    /** The entity a stale change met, as its own endpoint shows it. */
    private static JsonObject current(Object entity) {
        if (entity instanceof JsonObject json) {
            return json;
        }
        return entity instanceof Agent agent ? AccountView.agent(agent) : null;
    }

    static int status(Failure.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_ATTEMPTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /**
     * The text of an IllegalArgumentException when this server wrote it for people ("unknown time zone"), else a
     * plain sentence: a library's text (a NumberFormatException's "For input string", an enum's class name) is not
     * for clients.
     */
    static String plainMessage(Throwable failure) {
        String message = failure.getMessage();
        if (failure.getClass() != IllegalArgumentException.class || message == null
                || message.matches("(?s).*\\b(java|javax|io\\.vertx|org|com)\\.[a-z].*|(?s).*No enum constant.*")) {
            return "Invalid request.";
        }
        return message;
    }

    private static Answer badRequest(String message) {
        return new Answer(400, "bad_request", message);
    }
}
