package org.guichet.server.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.SingleSignOn;
import org.guichet.server.view.AccountView;

/**
 * Single sign-on of agents (all reachable without a token): what the log-in pages offer, the start (off to the
 * provider), the provider's answer, and the one-time code the page exchanges for its session. When local passwords
 * are off, password log-in is refused.
 *
 * <p>The session reaches the page without ever being in an address: the answer sends the browser back to its app
 * with a one-time code in the fragment (never sent to any server, so never in a log), which the page exchanges by
 * POST within a minute and then removes from its history. A code seen later in the history has been used.
 */
public final class SsoRoutes {

    static final String BROWSER_COOKIE = "guichet_sso";
    static final String COOKIE_PATH = "/api/v1/auth/sso";

    private final SingleSignOn sso;

    public SsoRoutes(SingleSignOn sso) {
        this.sso = sso;
    }

    /** Mounted before the password log-in, which it closes when local passwords are off. */
    public void mountPublic(Router api) {
        api.get("/auth/sso").handler(ctx -> Reply.send(ctx, 200, sso.publicSettings()));
        api.get("/auth/sso/start").handler(this::start);
        api.get("/auth/sso/callback").handler(this::callback);
        api.post("/auth/sso/exchange").handler(this::exchange);
        if (sso.settings().enabled() && !sso.settings().localPasswords()) {
            api.route("/auth/login").handler(ctx -> ctx.fail(Failure.notAllowed("local_passwords_off",
                    "Log-in with a password is turned off on this server; use single sign-on.")));
        }
    }

    private void start(RoutingContext ctx) {
        sso.start(ctx.request().getParam("app"))
                .onSuccess(start -> {
                    ctx.response().addCookie(browserCookie(start.browserBinding(),
                            SingleSignOn.LOGIN_LIFETIME.toSeconds()));
                    redirect(ctx, start.authorizeUrl());
                })
                .onFailure(ctx::fail);
    }

    private void callback(RoutingContext ctx) {
        Cookie browser = ctx.request().getCookie(BROWSER_COOKIE);
        sso.callback(ctx.request().getParam("state"), ctx.request().getParam("code"),
                        ctx.request().getParam("error"), browser == null ? null : browser.getValue())
                .onSuccess(landing -> {
                    ctx.response().addCookie(browserCookie("", 0));
                    redirect(ctx, "/" + landing.app() + "/" + (landing.pending() ? "#sso-pending"
                            : "#sso=" + landing.handoffCode()));
                })
                .onFailure(ctx::fail);
    }

    private void exchange(RoutingContext ctx) {
        JsonObject body = Json.body(ctx);
        Reply.json(ctx, sso.exchange(Json.requiredString(body, "code")).map(signedIn -> AccountView
                .session(signedIn.session()).put("logoutUrl", signedIn.logoutUrl())));
    }

    private Cookie browserCookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(BROWSER_COOKIE, value).setPath(COOKIE_PATH).setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds)
                .setSecure(sso.settings().redirectBaseUrl().startsWith("https:"));
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location).putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer").end();
    }
}
