package org.guichet.server.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP answers: {"error": code, "message": text}. */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ApiException error = toApiException(ctx.statusCode(), failure);
        if (error.status() >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", error.code()).put("message", error.getMessage()).encode());
    }

    static ApiException toApiException(int statusCode, Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof DecodeException) {
            return ApiException.badRequest("The request body is not valid JSON.");
        }
        if (failure instanceof IllegalArgumentException || failure instanceof ClassCastException) {
            return ApiException.badRequest(failure.getMessage() == null ? "Invalid request." : failure.getMessage());
        }
        if (failure instanceof PgException pg && pg.getSqlState() != null) {
            switch (pg.getSqlState()) {
                case "23505":
                    return ApiException.conflict("conflict", "This would duplicate something that already exists.");
                case "23503":
                    return ApiException.badRequest("A referenced item does not exist.");
                case "23514", "22P02", "22001", "22007", "22008":
                    return ApiException.badRequest("A value is out of range or malformed.");
                default:
                    break;
            }
        }
        if (failure == null) {
            return switch (statusCode) {
                case 400 -> ApiException.badRequest("Bad request.");
                case 401 -> ApiException.unauthorized("Authentication is required.");
                case 403 -> ApiException.forbidden("Not allowed.");
                case 404 -> ApiException.notFound("No such resource.");
                case 405 -> new ApiException(405, "method_not_allowed", "This method is not allowed here.");
                case 413 -> new ApiException(413, "payload_too_large", "The request body is too large.");
                case 415 -> new ApiException(415, "unsupported_media_type", "Send application/json.");
                default -> statusCode >= 400 && statusCode < 500
                        ? new ApiException(statusCode, "client_error", "The request was refused.")
                        : new ApiException(500, "internal_error", "Internal error.");
            };
        }
        return new ApiException(500, "internal_error", "Internal error; it has been logged.");
    }
}
