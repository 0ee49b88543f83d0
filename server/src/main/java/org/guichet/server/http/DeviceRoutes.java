package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.service.Services;
import org.guichet.server.view.DeviceView;

/**
 * Devices: a device with no token redeems a pairing code for one (no token needed), and devices report that they are
 * alive, with their health (printer paper, errors).
 */
public final class DeviceRoutes {

    private final Services services;

    public DeviceRoutes(Services services) {
        this.services = services;
    }

    /** Before the authenticator: a device being paired has no token yet. */
    public void mountPublic(Router api) {
        api.post("/devices/pair").handler(this::pair);
    }

    public void mount(Router api) {
        api.post("/devices/heartbeat").handler(this::heartbeat);
    }

    /** {code}: answers the device's new token, once, and the page a screen shows. */
    private void pair(RoutingContext ctx) {
        String code = Json.requiredString(Json.body(ctx), "code");
        Reply.json(ctx, services.devices().pair(Reply.address(ctx), code).map(DeviceView::paired));
    }

    private void heartbeat(RoutingContext ctx) {
        Reply.json(ctx, services.devices().heartbeat(Reply.principal(ctx), Json.body(ctx))
                .map(now -> new JsonObject().put("ok", true).put("serverTime", now.toString())));
    }
}
