package org.guichet.server.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.Services;
import org.guichet.server.view.DeviceView;

import java.util.HashSet;
import java.util.Set;

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

    /**
     * {code, kinds?}: answers the device's new token, once, and the page a screen shows. With kinds (e.g. the
     * screen's pairing page: screen, counter_screen), a code for another kind of device is refused and left unspent.
     */
    private void pair(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        String code = Json.requiredString(body, "code");
        Set<String> kinds = new HashSet<>();
        JsonArray given = Json.optionalArray(body, "kinds");
        if (given != null) {
            given.forEach(kind -> {
                if (!(kind instanceof String text)) {
                    throw Failure.invalid("kinds must be strings.");
                }
                kinds.add(text);
            });
        }
        Reply.json(ctx, services.devices().pair(Reply.address(ctx), code, kinds).map(DeviceView::paired));
    }

    private void heartbeat(RoutingContext ctx) {
        Reply.json(ctx, services.devices().heartbeat(Reply.principal(ctx), Json.body(ctx))
                .map(now -> new JsonObject().put("ok", true).put("serverTime", now.toString())));
    }
}
