package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Every node's address as screens reach it ({@code http.publicUrls}), for any device or account: a screen whose node
 * is gone opens its page on the next one that answers. Empty when not configured.
 */
public final class NodeRoutes {

    private final JsonObject nodes;

    public NodeRoutes(List<String> publicUrls) {
        this.nodes = new JsonObject().put("publicUrls", new JsonArray(List.copyOf(publicUrls)));
    }

    public void mount(Router api) {
        api.get("/nodes").handler(this::nodes);
    }

    private void nodes(RoutingContext ctx) {
        Reply.send(ctx, 200, nodes);
    }
}
