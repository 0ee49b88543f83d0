package org.guichet.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.PriorityClass;
import org.guichet.server.service.Services;
import org.guichet.server.view.QrSvg;
import org.guichet.server.view.SiteView;
import org.guichet.server.view.TicketView;

import java.util.regex.Pattern;

/** A site's public page for taking a ticket on one's own phone: its menu, the ticket, its poster's QR code. */
public final class PhoneRoutes {

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]{1,200}(:[0-9]{1,5})?");

    private final Services services;

    public PhoneRoutes(Services services) {
        this.services = services;
    }

    public void mountPublic(Router api) {
        api.get("/public/sites/:siteId/menu").handler(this::menu);
        api.post("/public/sites/:siteId/tickets").handler(this::take);
        api.get("/public/sites/:siteId/poster-qr.svg").handler(this::posterQr);
    }

    /**
     * The QR code of the site's page for a poster in the hall: {@code origin} (the address visitors reach, as the
     * poster page was opened at) followed by /prendre/&lt;site&gt;. Only that page's address, for a known site.
     */
    private void posterQr(RoutingContext ctx) {
        String origin = ctx.queryParams().get("origin");
        if (origin == null || !ORIGIN.matcher(origin).matches()) {
            throw Failure.invalid("'origin' must be an address such as https://accueil.example.fr (no path).");
        }
        String siteId = services.phoneTickets().site(ctx.pathParam("siteId")).id();
        ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "public, max-age=3600")
                .end(QrSvg.svg(origin + "/prendre/" + siteId));
    }

    private void menu(RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-cache");
        Reply.send(ctx, 200, SiteView.menu(services.phoneTickets().menu(ctx.pathParam("siteId")))
                .put("smsReminders", services.reminders().enabled()));
    }

    /**
     * Body {serviceId, phoneKey, priority?, language?, idempotencyKey?, smsPhone? (for an SMS when 3 people are
     * left before the ticket, where SMS are on)}: 201 with the ticket as a kiosk gets it (200
     * when the same tap's key was answered already).
     */
    private void take(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        services.phoneTickets().take(ctx.pathParam("siteId"), Json.requiredString(body, "serviceId"),
                        PriorityClass.parse(Json.optionalString(body, "priority")), Json.language(body),
                        Json.requiredString(body, "phoneKey"),
                        Json.optionalString(body, "idempotencyKey", TicketRoutes.MAX_IDEMPOTENCY_KEY),
                        Reply.address(ctx), Json.optionalString(body, "smsPhone", 40))
                .onSuccess(issued -> Reply.send(ctx, issued.replayed() ? 200 : 201,
                        TicketView.issued(issued, services.catalogs().get())))
                .onFailure(ctx::fail);
    }
}
