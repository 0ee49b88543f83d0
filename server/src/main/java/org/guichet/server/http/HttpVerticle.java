package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.guichet.server.domain.AccessibilityStatement;
import org.guichet.server.domain.ClientAddress;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.HttpSettings;
import org.guichet.server.domain.PlanImage;
import org.guichet.server.realtime.EventBusBridge;
import org.guichet.server.realtime.LiveChannels;
import org.guichet.server.service.Services;
import org.guichet.server.service.SingleSignOn;

import java.util.ArrayList;
import java.util.List;

/**
 * REST API under /api/v1, the event-bus bridge, and the static web apps: every jar on the class path may bring pages
 * under {@code web/} (web/shared from web-common, web/display from display-client, web/counter, web/supervisor,
 * web/ticket from the server), and WebJars under /webjars. One instance per core shares the port.
 */
public final class HttpVerticle extends VerticleBase {

    private static final int MAX_BODY_BYTES = 256 * 1024;
    private static final int MAX_DEPLOYMENT_BYTES = 8 * 1024 * 1024;
    /** /ticket/ and anything under it but the page's own scripts and style sheet. */
    static final String VISITOR_TICKET_PAGE = "/ticket/(?![A-Za-z0-9_-]+\\.(?:js|css)$).*";
    /** /prendre/<site id>: its scripts and style sheet are files, whose names have a dot. */
    static final String PHONE_PAGE = "/prendre/[a-z0-9_-]+/?";
    /** /prendre/<site id>/affiche: the poster to print for the hall. */
    static final String PHONE_POSTER = "/prendre/[a-z0-9_-]+/affiche/?";
    /** /rdv/<site id>: booking an appointment; /rdv/a/<token>: an appointment's own page. */
    static final String BOOKING_PAGE = "/rdv/(?:[a-z0-9_-]+|a/[A-Za-z0-9_-]+)/?";
    /** /indicateurs/ (the network) and /indicateurs/<site id>; its scripts and style sheet are files. */
    static final String INDICATORS_PAGE = "/indicateurs(/[a-z0-9_-]*)?/?";

    private final Services services;
    private final int port;
    private final AccessibilityStatement accessibility;
    private final List<String> publicUrls;
    private final MetricsRoute metrics;
    private final SingleSignOn sso;
    private final JsonObject privacyNotice;
    private final ClientAddress clientAddress;
    private final HttpSettings settings;
    private final LiveChannels channels;
    private HttpServer server;
    private Router api;
    private EventBusBridge bridge;
    private ConnectionDeadlines deadlines;

    /**
     * @param publicUrls    every node's address as screens reach it, handed to them by GET /api/v1/nodes
     * @param metrics       {@code GET /metrics}, or null when no metrics token is configured (then not found)
     * @param sso           agents' single sign-on (which answers that it is off when not configured)
     * @param privacyNotice the privacy notice's facts (who is responsible, the retention periods in force)
     * @param settings      timeouts, and the proxies whose X-Forwarded-For is believed (see {@link Reply#address})
     * @param channels      told what the bridge's browsers listen to, for the other nodes (see {@link LiveChannels})
     */
    public HttpVerticle(Services services, int port, AccessibilityStatement accessibility, List<String> publicUrls,
                        MetricsRoute metrics, SingleSignOn sso, JsonObject privacyNotice, HttpSettings settings,
                        LiveChannels channels) {
        this.services = services;
        this.channels = channels;
        this.port = port;
        this.accessibility = accessibility;
        this.publicUrls = List.copyOf(publicUrls);
        this.metrics = metrics;
        this.sso = sso;
        this.privacyNotice = privacyNotice;
        this.settings = settings;
        this.clientAddress = settings.proxies();
    }

    @Override
    public Future<?> start() {
        return RequestValidation.load(vertx).compose(this::start);
    }

    private Future<?> start(RequestValidation validation) {
        Router root = Router.router(vertx);
        deadlines = new ConnectionDeadlines(vertx, settings.headerTimeout(), settings.idleTimeout());
        deadlines.start();
        root.route().handler(deadlines::headReceived);
        root.route().handler(new SecurityHeaders(publicUrls, settings));
        api = Router.router(vertx);
        // A whole network's deployment (250 sites) is larger than any other request; only that route takes one.
        api.put("/admin/deployment").handler(BodyHandler.create(false).setBodyLimit(MAX_DEPLOYMENT_BYTES));
        api.put("/admin/rooms/:roomId/plan").handler(BodyHandler.create(false)
                .setBodyLimit(PlanImage.MAX_BYTES + 1024));
        api.put("/admin/sites/:siteId/rooms/:code/plan").handler(BodyHandler.create(false)
                .setBodyLimit(PlanImage.MAX_BYTES + 1024));
        api.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        api.route().handler(ctx -> {
            var remote = ctx.request().remoteAddress();
            ctx.put(Reply.CLIENT_ADDRESS, clientAddress.of(remote == null ? null : remote.hostAddress(),
                    ctx.request().headers().getAll("X-Forwarded-For").isEmpty() ? null
                            : String.join(",", ctx.request().headers().getAll("X-Forwarded-For"))));
            ctx.next();
        });
        api.route().handler(validation);

        new PublicRoutes(services, accessibility, privacyNotice).mount(root, api);
        AuthRoutes authRoutes = new AuthRoutes(services, settings.refusedLoginDelay());
        new SsoRoutes(sso).mountPublic(api);
        authRoutes.mountPublic(api);
        DeviceRoutes deviceRoutes = new DeviceRoutes(services);
        deviceRoutes.mountPublic(api);
        SatisfactionRoutes satisfactionRoutes = new SatisfactionRoutes(services);
        satisfactionRoutes.mountPublic(api);
        new PhoneRoutes(services).mountPublic(api);
        CallbackRoutes callbackRoutes = new CallbackRoutes(services);
        callbackRoutes.mountPublic(api);
        AppointmentRoutes appointmentRoutes = new AppointmentRoutes(services);
        appointmentRoutes.mountPublic(api);

        api.route().handler(new Authenticator(services.authentication()));
        authRoutes.mount(api);
        new SiteRoutes(services).mount(api);
        new TicketRoutes(services).mount(api);
        new CounterRoutes(services).mount(api);
        deviceRoutes.mount(api);
        new AgentRoutes(services).mount(api);
        new AdminRoutes(services).mount(api);
        new TemplateRoutes(services).mount(api);
        new DirectoryRoutes(services).mount(api);
        new TrainingRoutes(services).mount(api);
        callbackRoutes.mount(api);
        appointmentRoutes.mount(api);
        satisfactionRoutes.mount(api);
        new SiteAdminRoutes(services).mount(api);
        new StatsRoutes(services).mount(api);
        new NodeRoutes(publicUrls).mount(api);
        api.route().handler(ctx -> ctx.fail(Failure.notFound("No such endpoint: "
                + ctx.request().method() + " " + ctx.request().path())));

        root.route("/api/v1/*").subRouter(api);
        // A visitor's ticket page, opened from the QR code printed on the ticket; a mistyped or cut address gets the
        // same page, which tells the visitor in their language that the ticket cannot be found.
        root.getWithRegex(VISITOR_TICKET_PAGE).handler(ctx -> CachePolicy.sendPage(ctx, "web/ticket/index.html"));
        // A site's page for taking a ticket on one's own phone (the QR code of a poster in the hall).
        root.getWithRegex(PHONE_PAGE).handler(ctx -> CachePolicy.sendPage(ctx, "web/prendre/index.html"));
        root.getWithRegex(PHONE_POSTER).handler(ctx -> CachePolicy.sendPage(ctx, "web/prendre/affiche.html"));
        root.getWithRegex(BOOKING_PAGE).handler(ctx -> CachePolicy.sendPage(ctx, "web/rdv/index.html"));
        // The accessibility statement every public page links to, at the address the RGAA's readers look for.
        root.get("/accessibilite").handler(ctx -> CachePolicy.sendPage(ctx, "web/accessibilite/index.html"));
        // The published indicators ("Services Publics+"), for anyone: the network at /indicateurs/, a site at
        // /indicateurs/<site>; any site may embed them in a frame.
        root.getWithRegex(INDICATORS_PAGE).handler(ctx -> {
            ctx.response().headers().set("Content-Security-Policy", SecurityHeaders.policy(publicUrls, "*"))
                    .remove("X-Frame-Options");
            CachePolicy.sendPage(ctx, "web/indicateurs/index.html");
        });
        // The privacy notice the visitor page and the kiosk point to.
        root.get("/confidentialite").handler(ctx -> CachePolicy.sendPage(ctx, "web/confidentialite/index.html"));
        // Where a screen redeems its pairing code (display-client's page).
        root.get("/display/pair").handler(ctx -> CachePolicy.sendPage(ctx, "web/display/pair.html"));
        if (metrics != null) {
            root.get("/metrics").handler(metrics);
        }
        // WebJars have their version in their path; the apps' own files have none and are revalidated at each load.
        root.route("/webjars/*").handler(CachePolicy::versioned)
                .handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        bridge = new EventBusBridge(vertx, services.authentication(), services.catalogs(), channels);
        root.route("/eventbus/*").subRouter(bridge.router(EventBusBridge.heartbeatWithin(settings.idleTimeout())));
        root.route("/*").handler(CachePolicy::revalidate)
                .handler(StaticHandler.create("web").setIndexPage("index.html").setCachingEnabled(true));
        root.route().handler(NotFoundPage::handle);
        FailureHandler failureHandler = new FailureHandler();
        api.route().failureHandler(failureHandler);
        root.route().failureHandler(failureHandler);

        // No cleartext HTTP/2 (no browser speaks it; a load balancer speaks HTTP/1.1 to us): with it, a connection is
        // handed to the deadlines only once its first bytes are in, and their timers set then did not fire (measured
        // with Vert.x 5.0.7), so a connection that sent nothing or dripped a head was never cut.
        return bridge.start()
                .compose(ready -> vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                        .connectionHandler(deadlines::connected).requestHandler(root).listen(port))
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        deadlines.stop();
        return bridge.close();
    }

    /** "METHOD /path" of every API route, e.g. "POST /tickets/:ticketId/call"; the OpenAPI document must list them. */
    public List<String> apiEndpoints() {
        List<String> endpoints = new ArrayList<>();
        api.getRoutes().forEach(route -> {
            if (route.getPath() != null && route.methods() != null) {
                route.methods().forEach(method -> endpoints.add(method.name() + " " + route.getPath()));
            }
        });
        return endpoints;
    }

    public int actualPort() {
        return server.actualPort();
    }
}
