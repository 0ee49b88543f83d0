package org.guichet.server.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;

/**
 * What answers an address nothing else serves: a page in the apps' style and the reader's language for a browser,
 * the API's {"error","message"} for anything else.
 */
final class NotFoundPage {

    static final String FILE = "web/not-found.html";

    private NotFoundPage() {
    }

    static void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        boolean page = (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && wantsHtml(ctx);
        if (!page) {
            ctx.fail(Failure.notFound("Nothing is served at " + ctx.request().path() + "."));
            return;
        }
        ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").sendFile(FILE).onFailure(ctx::fail);
    }

    /** A browser navigating asks for text/html first; scripts, images and API clients do not. */
    static boolean wantsHtml(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
